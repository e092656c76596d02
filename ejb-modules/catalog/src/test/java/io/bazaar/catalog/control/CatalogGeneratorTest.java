package io.bazaar.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.catalog.control.CatalogGenerator.BrandSpec;
import io.bazaar.catalog.control.CatalogGenerator.CategorySpec;
import io.bazaar.catalog.control.CatalogGenerator.ImageSpec;
import io.bazaar.catalog.control.CatalogGenerator.ProductSpec;
import io.bazaar.catalog.control.CatalogGenerator.VariantSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");
  private static final Instant CREATED_BEFORE = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant CREATED_FROM = CREATED_BEFORE.minus(Duration.ofDays(365));
  private static final Set<Integer> RETAIL_CENT_ENDINGS = Set.of(0, 49, 90, 95, 99);

  private final CatalogGenerator generator = new CatalogGenerator(42);

  @Test
  void theSameSeedGivesTheSameCatalogue() {
    CatalogGenerator twin = new CatalogGenerator(42);

    assertThat(twin.products(500).toList()).isEqualTo(generator.products(500).toList());
    assertThat(twin.categories()).isEqualTo(generator.categories());
    assertThat(twin.brands()).isEqualTo(generator.brands());
  }

  @Test
  void aDifferentSeedGivesDifferentProducts() {
    List<ProductSpec> ours = generator.products(200).toList();
    List<ProductSpec> theirs = new CatalogGenerator(43).products(200).toList();

    long differentNames =
        IntStream.range(0, 200)
            .filter(i -> !ours.get(i).name().equals(theirs.get(i).name()))
            .count();
    assertThat(theirs).isNotEqualTo(ours);
    assertThat(differentNames).isGreaterThan(150);
  }

  @Test
  void aProductDoesNotDependOnTheCatalogueSize() {
    List<ProductSpec> small = generator.products(1_000).toList();
    List<ProductSpec> prefixOfLarge = generator.products(10_000).limit(1_000).toList();

    assertThat(prefixOfLarge).isEqualTo(small);
    assertThat(generator.product(7_777))
        .isEqualTo(generator.products(7_778).skip(7_777).findFirst().orElseThrow());
  }

  @Test
  void categoriesFormATwoLevelTreeWithParentsFirst() {
    List<CategorySpec> categories = generator.categories();
    Map<String, CategorySpec> bySlug =
        categories.stream().collect(Collectors.toMap(CategorySpec::slug, category -> category));
    List<CategorySpec> departments =
        categories.stream().filter(category -> category.parentSlug() == null).toList();
    List<CategorySpec> leaves =
        categories.stream().filter(category -> category.parentSlug() != null).toList();

    assertThat(bySlug).hasSameSizeAs(categories);
    assertThat(departments).hasSizeBetween(6, 8);
    assertThat(leaves).hasSizeGreaterThanOrEqualTo(24);
    assertThat(categories.subList(0, departments.size())).isEqualTo(departments);
    for (CategorySpec category : categories) {
      assertThat(category.slug()).matches(SLUG).hasSizeLessThanOrEqualTo(80);
      assertThat(category.name()).isNotBlank();
    }
    for (CategorySpec leaf : leaves) {
      assertThat(bySlug).containsKey(leaf.parentSlug());
      assertThat(bySlug.get(leaf.parentSlug()).parentSlug()).isNull();
    }
    for (CategorySpec department : departments) {
      assertThat(leaves)
          .filteredOn(leaf -> leaf.parentSlug().equals(department.slug()))
          .hasSizeBetween(3, 5);
    }
  }

  @Test
  void brandsHaveUniqueValidSlugs() {
    List<BrandSpec> brands = generator.brands();

    assertThat(brands).hasSizeBetween(50, 80);
    assertThat(brands).extracting(BrandSpec::slug).doesNotHaveDuplicates();
    assertThat(brands).extracting(BrandSpec::name).doesNotHaveDuplicates();
    for (BrandSpec brand : brands) {
      assertThat(brand.slug()).matches(SLUG);
    }
  }

  @Test
  void twentyThousandProductsAreWellFormedAndUnique() {
    Set<String> leafSlugs =
        generator.categories().stream()
            .filter(category -> category.parentSlug() != null)
            .map(CategorySpec::slug)
            .collect(Collectors.toSet());
    Set<String> brandSlugs =
        generator.brands().stream().map(BrandSpec::slug).collect(Collectors.toSet());
    Set<String> productSlugs = new HashSet<>();
    Set<String> skus = new HashSet<>();

    generator
        .products(20_000)
        .forEach(
            product -> {
              assertThat(productSlugs.add(product.slug())).as(product.slug()).isTrue();
              assertThat(product.slug()).matches(SLUG).hasSizeLessThanOrEqualTo(160);
              assertThat(product.name()).isNotBlank();
              assertThat(product.categorySlug()).isIn(leafSlugs);
              assertThat(product.brandSlug()).isIn(brandSlugs);
              assertThat(product.description()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
              assertThat(product.createdAt()).isBetween(CREATED_FROM, CREATED_BEFORE);
              assertThat(product.createdAt()).isBefore(CREATED_BEFORE);
              assertAttributesAreWellFormed(product.attributes());
              assertThat(product.variants()).hasSizeBetween(1, 12);
              for (VariantSpec variant : product.variants()) {
                assertThat(skus.add(variant.sku())).as(variant.sku()).isTrue();
                assertThat(variant.sku()).matches(SKU);
                assertThat(variant.label()).isNotBlank();
                assertPriceIsRetailLike(variant.price());
                assertThat(variant.unitsMain()).isBetween(0, 40);
                assertThat(variant.unitsNorth()).isBetween(0, 15);
                assertAttributesAreWellFormed(variant.attributes());
              }
              assertThat(product.images()).hasSizeBetween(1, 4);
              for (int n = 1; n <= product.images().size(); n++) {
                ImageSpec image = product.images().get(n - 1);
                assertThat(image.url())
                    .isEqualTo("/media/products/" + product.slug() + "/" + n + ".svg");
                assertThat(image.altText()).startsWith(product.name());
              }
            });

    assertThat(productSlugs).hasSize(20_000);
  }

  @Test
  void aboutOneVariantInTenIsSoldOut() {
    long[] variants = new long[1];
    long[] soldOutVariants = new long[1];
    long[] soldOutProducts = new long[1];

    generator
        .products(10_000)
        .forEach(
            product -> {
              variants[0] += product.variants().size();
              long soldOut =
                  product.variants().stream().filter(CatalogGeneratorTest::isSoldOut).count();
              soldOutVariants[0] += soldOut;
              if (soldOut == product.variants().size()) {
                soldOutProducts[0]++;
              }
            });

    double share = (double) soldOutVariants[0] / variants[0];
    assertThat(share).isBetween(0.05, 0.15);
    assertThat(soldOutProducts[0]).isPositive().isLessThan(1_000);
  }

  @Test
  void sneakersAndOtherSearchTermsAreCommon() {
    List<String> names = generator.products(10_000).map(ProductSpec::name).toList();

    long sneakers = names.stream().filter(name -> name.contains("Sneakers")).count();
    assertThat(sneakers).isGreaterThanOrEqualTo(300);
    for (String term : List.of("Headphones", "Jacket", "Skillet", "Tent")) {
      assertThat(names).as(term).anyMatch(name -> name.contains(term));
    }
  }

  @Test
  void shoeProductsComeFromShoeBrandsOnly() {
    Set<String> shoeBrands =
        generator
            .products(5_000)
            .filter(product -> product.categorySlug().equals("casual-sneakers"))
            .map(ProductSpec::brandSlug)
            .collect(Collectors.toSet());

    assertThat(shoeBrands).isNotEmpty().doesNotContain("sonora", "kitoro", "little-otter");
    assertThat(shoeBrands.size()).isLessThan(generator.brands().size() / 2);
  }

  @Test
  void variantsOfShoesHaveColourAndSizeAndLabelsMatch() {
    ProductSpec shoe =
        generator
            .products(1_000)
            .filter(product -> product.categorySlug().equals("running-shoes"))
            .findFirst()
            .orElseThrow();

    for (VariantSpec variant : shoe.variants()) {
      assertThat(variant.attributes()).containsOnlyKeys("colour", "size");
      assertThat(variant.label())
          .isEqualTo(variant.attributes().get("colour") + " / " + variant.attributes().get("size"));
      assertThat(Integer.parseInt(variant.attributes().get("size"))).isBetween(38, 46);
    }
  }

  @Test
  void attributeMapsAreUnmodifiable() {
    ProductSpec product = generator.product(3);

    assertThatThrownBy(() -> product.attributes().put("hack", "Yes"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> product.variants().get(0).attributes().put("hack", "Yes"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> product.variants().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void negativeArgumentsAreRejected() {
    assertThatThrownBy(() -> generator.product(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.products(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean isSoldOut(VariantSpec variant) {
    return variant.unitsMain() == 0 && variant.unitsNorth() == 0;
  }

  private static void assertPriceIsRetailLike(BigDecimal price) {
    assertThat(price).isPositive();
    assertThat(price.scale()).isEqualTo(2);
    int cents = price.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
    assertThat(cents).isIn(RETAIL_CENT_ENDINGS);
  }

  /** Keys are lower-case English; values start like Title Case words or with a digit. */
  private static void assertAttributesAreWellFormed(Map<String, String> attributes) {
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      assertThat(attribute.getKey()).matches("[a-z]+( [a-z]+)*");
      String value = attribute.getValue();
      assertThat(value).isNotBlank();
      char first = value.charAt(0);
      assertThat(Character.isUpperCase(first) || Character.isDigit(first))
          .as("value '%s' of %s", value, attribute.getKey())
          .isTrue();
    }
  }
}
