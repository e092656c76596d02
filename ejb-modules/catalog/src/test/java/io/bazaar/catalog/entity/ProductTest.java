package io.bazaar.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.persistence.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTest {

  private final Category shoes = new Category("shoes", "Shoes", null, 0);

  @Test
  void aProductIsSoldOnlyOnceActiveWithVariants() {
    Product product = new Product("trail-runner", "Trail Runner", "Northpeak", "Fast.", shoes);
    assertThat(product.isPurchasable()).isFalse();
    assertThatThrownBy(product::activate).hasMessageContaining("without variants");
    product.addVariant("TR-42", "42", Money.of("89.95", "EUR"), Map.of("size", "42"));
    product.activate();
    assertThat(product.isPurchasable()).isTrue();
    product.archive();
    assertThat(product.isPurchasable()).isFalse();
  }

  @Test
  void variantsHaveUniqueValidSkusAndNonNegativePrices() {
    Product product = new Product("trail-runner", "Trail Runner", "Northpeak", "Fast.", shoes);
    product.addVariant("TR-42", "42", Money.of("89.95", "EUR"), Map.of());
    assertThatThrownBy(() -> product.addVariant("TR-42", "42", Money.of("1", "EUR"), Map.of()))
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> product.addVariant("tr 43", "43", Money.of("1", "EUR"), Map.of()))
        .hasMessageContaining("not a valid SKU");
    assertThatThrownBy(() -> product.addVariant("TR-44", "44", Money.of("-1", "EUR"), Map.of()))
        .hasMessageContaining("price");
  }

  @Test
  void slugsAreUrlSafe() {
    assertThat(Slugs.of("Crème Brûlée & Co.")).isEqualTo("creme-brulee-co");
    assertThatThrownBy(() -> Slugs.require("Not A Slug"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void breadcrumbsRunFromTheRoot() {
    Category running = new Category("running", "Running", shoes, 0);
    assertThat(running.path()).extracting(Category::slug).containsExactly("shoes", "running");
  }
}
