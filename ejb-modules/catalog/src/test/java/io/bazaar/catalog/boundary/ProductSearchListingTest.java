package io.bazaar.catalog.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.persistence.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hit read from the index's stored values, and one from a document that lacks them. */
class ProductSearchListingTest {

  private static Object[] stored(String slug, String categorySlug, Integer ratingCount) {
    return new Object[] {
      42L,
      slug,
      "Trail Runner",
      "acme",
      "Acme",
      categorySlug,
      "Running Shoes",
      new BigDecimal("89.90"),
      "EUR",
      "https://img.example/trail.jpg",
      "A trail runner",
      new BigDecimal("4.50"),
      ratingCount,
      ratingCount == null ? List.of() : List.of(0, 0, 1, 0, 1),
      Boolean.TRUE
    };
  }

  @Test
  void listsAHitFromItsStoredValues() {
    ProductSearch.ListedProduct hit = ProductSearch.listed(stored("trail-runner", "running", 2));

    ProductSummary summary = hit.summary();
    assertThat(summary.slug()).isEqualTo("trail-runner");
    assertThat(summary.brand().name()).isEqualTo("Acme");
    assertThat(summary.category().slug()).isEqualTo("running");
    assertThat(summary.fromPrice()).isEqualTo(Money.of("89.90", "EUR"));
    assertThat(summary.image().altText()).isEqualTo("A trail runner");
    assertThat(summary.rating().count()).isEqualTo(2);
    assertThat(summary.rating().distribution())
        .containsExactly(
            java.util.Map.entry("5", 1),
            java.util.Map.entry("4", 0),
            java.util.Map.entry("3", 1),
            java.util.Map.entry("2", 0),
            java.util.Map.entry("1", 0));
    assertThat(summary.inStock()).isTrue();
  }

  @Test
  void aDocumentWithoutStoredValuesIsLeftToTheDatabase() {
    ProductSearch.ListedProduct hit = ProductSearch.listed(stored(null, null, null));

    assertThat(hit.id()).isEqualTo(42L);
    assertThat(hit.summary()).isNull();
  }

  @Test
  void equalHitsHashAlikeByTheirSlugAlone() {
    ProductSummary hit = ProductSearch.listed(stored("trail-runner", "running", 2)).summary();
    ProductSummary same = ProductSearch.listed(stored("trail-runner", "running", 2)).summary();

    assertThat(hit).isEqualTo(same);
    assertThat(hit.hashCode()).isEqualTo(same.hashCode()).isEqualTo("trail-runner".hashCode());
    assertThat(hit.rating().hashCode()).isEqualTo(same.rating().hashCode());
    assertThat(hit.image().hashCode()).isEqualTo(same.image().hashCode());
  }

  @Test
  void aSearchsTotalIsItsAvailabilityCountsOverTheSameFilters() {
    java.util.Map<Boolean, Long> both = java.util.Map.of(true, 120L, false, 30L);

    assertThat(ProductSearch.matchesCountedIn(both, false)).isEqualTo(150);
    assertThat(ProductSearch.matchesCountedIn(both, true)).isEqualTo(120);
    assertThat(ProductSearch.matchesCountedIn(java.util.Map.of(false, 7L), false)).isEqualTo(7);
    assertThat(ProductSearch.matchesCountedIn(java.util.Map.of(false, 7L), true)).isZero();
    assertThat(ProductSearch.matchesCountedIn(java.util.Map.of(), false)).isZero();
  }
}
