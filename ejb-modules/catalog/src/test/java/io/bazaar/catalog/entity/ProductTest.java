package io.bazaar.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.persistence.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTest {

  private final Category shoes = new Category("shoes", "Shoes", null, 0);
  private final Brand northpeak = new Brand("northpeak", "Northpeak");

  @Test
  void aProductIsSoldOnlyOnceActiveWithVariants() {
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
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
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
    product.addVariant("TR-42", "42", Money.of("89.95", "EUR"), Map.of());
    assertThatThrownBy(() -> product.addVariant("TR-42", "42", Money.of("1", "EUR"), Map.of()))
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> product.addVariant("tr 43", "43", Money.of("1", "EUR"), Map.of()))
        .hasMessageContaining("not a valid SKU");
    assertThatThrownBy(() -> product.addVariant("TR-44", "44", Money.of("-1", "EUR"), Map.of()))
        .hasMessageContaining("price");
  }

  @Test
  void anEditorRewritesRepricesAndMovesAProductBetweenStatuses() {
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
    product.addVariant("TR-42", "42", Money.of("89.95", "EUR"), Map.of("size", "42"));
    product.addVariant("TR-43", "43", Money.of("89.95", "EUR"), Map.of("size", "43"));

    product.rewrite("  Trail Runner 2  ", "  ");
    assertThat(product.name()).isEqualTo("Trail Runner 2");
    assertThat(product.description()).isEmpty();
    assertThatThrownBy(() -> product.rewrite(" ", "Fast.")).hasMessageContaining("name must be");
    assertThatThrownBy(() -> product.rewrite("x".repeat(201), null))
        .hasMessageContaining("name must be 1-200");

    product.reprice("TR-43", Money.of("79.00", "EUR"));
    assertThat(product.fromPrice()).isEqualTo(Money.of("79.00", "EUR"));
    assertThatThrownBy(() -> product.reprice("TR-44", Money.of("1", "EUR")))
        .hasMessageContaining("has no variant TR-44");
    assertThatThrownBy(() -> product.reprice("TR-42", Money.of("89.95", "USD")))
        .hasMessageContaining("must be in EUR");
    assertThatThrownBy(() -> product.reprice("TR-42", Money.of("-0.01", "EUR")))
        .hasMessageContaining("cannot be negative");
    assertThat(product.variants().get(0).price()).isEqualTo(Money.of("89.95", "EUR"));

    product.changeStatus(Product.Status.ACTIVE);
    assertThat(product.isPurchasable()).isTrue();
    product.changeStatus(Product.Status.DRAFT);
    assertThat(product.status()).isEqualTo(Product.Status.DRAFT);
    product.changeStatus(Product.Status.ARCHIVED);
    assertThat(product.isPurchasable()).isFalse();
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

  @Test
  void derivesWhatTheSearchIndexNeedsFromItsVariants() {
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
    product.addVariant(
        "TR-1", "Black / 42", Money.of("89.95", "EUR"), Map.of("colour", "Black", "size", "42"));
    product.addVariant(
        "TR-2", "Blue / 43", Money.of("79.95", "EUR"), Map.of("colour", "Blue", "size", "43"));
    product.addVariant(
        "TR-3", "Black / 43", Money.of("89.95", "EUR"), Map.of("colour", "Black", "size", "43"));

    assertThat(product.getLowestPrice()).isEqualByComparingTo("79.95");
    assertThat(product.getColours()).containsExactly("Black", "Blue");
    assertThat(product.getSizes()).containsExactly("42", "43");
    assertThat(product.isAvailable()).isFalse();

    assertThat(product.variants().get(1).markAvailability(true)).isTrue();
    assertThat(product.variants().get(1).markAvailability(true)).isFalse();
    assertThat(product.isInStockForSearch()).isTrue();
  }

  @Test
  void searchesItsCategoryPathAndAttributes() {
    Category running = new Category("running", "Running Shoes", shoes, 0);
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", running);
    product.describe("material", "Recycled Mesh");
    product.addVariant("TR-1", "Black", Money.of("89.95", "EUR"), Map.of("colour", "Black"));

    assertThat(product.getCategorySlugs()).containsExactly("shoes", "running");
    assertThat(product.getKeywords()).contains("Shoes", "Running Shoes", "Recycled Mesh", "Black");
  }

  @Test
  void derivesAverageAndCountFromTheDistribution() {
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
    assertThat(product.ratingAverage()).isNull();
    product.rate(RatingDistribution.of(List.of(0, 0, 0, 2, 1)));
    assertThat(product.ratingCount()).isEqualTo(3);
    assertThat(product.ratingAverage()).isEqualByComparingTo("4.33");
    product.rate(RatingDistribution.of(List.of(1, 0, 0, 0, 1)));
    assertThat(product.ratingAverage()).isEqualByComparingTo("3.00");
    product.rate(RatingDistribution.none());
    assertThat(product.ratingCount()).isZero();
    assertThat(product.ratingAverage()).isNull();
  }

  @Test
  void refusesADistributionThatIsNotFiveNonNegativeCounts() {
    assertThatThrownBy(() -> RatingDistribution.of(List.of(1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RatingDistribution.of(List.of(1, 2, 3, -1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsImagesAndValidatesAttributeNames() {
    Product product = new Product("trail-runner", "Trail Runner", northpeak, "Fast.", shoes);
    for (int i = 0; i < Product.MAX_IMAGES; i++) {
      product.addImage(new ProductImage("/media/" + i + ".svg", "View " + i));
    }
    assertThatThrownBy(() -> product.addImage(new ProductImage("/media/x.svg", "One too many")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> product.describe("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
