package io.bazaar.catalog.boundary;

import io.bazaar.catalog.entity.Brand;
import io.bazaar.catalog.entity.Category;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.ProductImage;
import io.bazaar.persistence.Money;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the catalog shows to the outside: read-only views, never the entities themselves. Those that
 * the data grid caches are Serializable, as are the collections they copy their contents into.
 */
public final class CatalogViews {

  private CatalogViews() {}

  public record CategoryRef(String slug, String name) implements Serializable {
    static CategoryRef of(Category category) {
      return new CategoryRef(category.slug(), category.name());
    }

    /** The slug's: see {@link ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return slug.hashCode();
    }
  }

  public record CategoryView(String slug, String name, String parent, long productCount)
      implements Serializable {}

  public record BrandRef(String slug, String name) implements Serializable {
    static BrandRef of(Brand brand) {
      return new BrandRef(brand.slug(), brand.name());
    }

    /** The slug's: see {@link ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return slug.hashCode();
    }
  }

  public record ImageView(String url, String altText) implements Serializable {
    static ImageView of(ProductImage image) {
      return new ImageView(image.url(), image.altText());
    }

    /** The URL's: see {@link ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return Objects.hashCode(url);
    }
  }

  /**
   * Average stars of the published reviews (null without reviews), how many there are, and how many
   * gave each number of stars (keys "1" to "5").
   */
  public record RatingView(BigDecimal average, int count, Map<String, Integer> distribution)
      implements Serializable {
    public RatingView {
      distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
    }

    static RatingView of(Product product) {
      return of(
          product.ratingAverage(),
          product.ratingCount(),
          product.ratingDistribution().reviewsByStars());
    }

    /** From the counts of reviews by stars, one star first. */
    static RatingView of(BigDecimal average, int count, List<Integer> byStars) {
      Map<String, Integer> distribution = new LinkedHashMap<>();
      for (int stars = byStars.size(); stars >= 1; stars--) {
        distribution.put(String.valueOf(stars), byStars.get(stars - 1));
      }
      return new RatingView(average, count, distribution);
    }

    /** Of the count and the average, not the distribution: see {@link ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return 31 * count + Objects.hashCode(average);
    }
  }

  /**
   * What the review context needs to know of a product it takes a review for, read under the
   * product's lock; {@code publishedReviews} is the count its rating was last set from.
   */
  public record ReviewedProduct(String slug, String name, List<String> skus, int publishedReviews) {
    public ReviewedProduct {
      skus = List.copyOf(skus);
    }
  }

  public record ProductSummary(
      String slug,
      String name,
      BrandRef brand,
      CategoryRef category,
      Money fromPrice,
      ImageView image,
      RatingView rating,
      boolean inStock) {
    public static ProductSummary of(Product product) {
      return new ProductSummary(
          product.slug(),
          product.name(),
          BrandRef.of(product.brand()),
          CategoryRef.of(product.category()),
          product.fromPrice(),
          product.images().stream().findFirst().map(ImageView::of).orElse(null),
          RatingView.of(product),
          product.isAvailable());
    }

    /**
     * The slug's: see {@link ProductDetail#hashCode}. A search's answer holds a page of these, and
     * JSON-B hashed each one with everything it holds (with the other records of the answer, about
     * 5% of a JFR recording's samples of searches beside the checkouts).
     */
    @Override
    public int hashCode() {
      return slug.hashCode();
    }
  }

  public record VariantView(
      String sku, String label, Money price, Map<String, String> attributes, int available)
      implements Serializable {
    public VariantView {
      attributes = copyOf(attributes);
    }

    VariantView withAvailable(int units) {
      return new VariantView(sku, label, price, attributes, units);
    }

    /** The SKU's: see {@link ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return sku.hashCode();
    }
  }

  public record ProductDetail(
      String slug,
      String name,
      BrandRef brand,
      String description,
      String status,
      List<CategoryRef> breadcrumbs,
      Map<String, String> attributes,
      List<ImageView> images,
      RatingView rating,
      List<VariantView> variants)
      implements Serializable {
    /**
     * Copies every collection: an entity's collection may be a lazy Hibernate wrapper, which JSON-B
     * would only read after the transaction has ended and the persistence context is closed.
     */
    public ProductDetail {
      breadcrumbs = List.copyOf(breadcrumbs);
      attributes = copyOf(attributes);
      images = List.copyOf(images);
      variants = List.copyOf(variants);
    }

    List<String> skus() {
      return variants.stream().map(VariantView::sku).toList();
    }

    /**
     * The slug's. JSON-B hashes every object it writes (to detect cycles), and a record's own hash
     * code walks all its fields, lists and maps: 3-4% of a product page. Equal details have equal
     * slugs, so this agrees with equals.
     */
    @Override
    public int hashCode() {
      return slug.hashCode();
    }

    /** The same detail with the units available now of each variant (0 for SKUs not given). */
    ProductDetail withAvailability(Map<String, Integer> availableBySku) {
      return new ProductDetail(
          slug,
          name,
          brand,
          description,
          status,
          breadcrumbs,
          attributes,
          images,
          rating,
          variants.stream()
              .map(v -> v.withAvailable(availableBySku.getOrDefault(v.sku(), 0)))
              .toList());
    }
  }

  /** An unmodifiable copy that keeps the names in alphabetical order, as the entity keeps them. */
  private static Map<String, String> copyOf(Map<String, String> attributes) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  /**
   * A SKU priced from the catalog at this moment; carts and checkout never trust a client's price.
   */
  public record PricedSku(
      String sku, String productName, String label, Money price, boolean purchasable) {
    /** From a row of sku, product name, label, amount, currency and product status. */
    static PricedSku of(Object[] row) {
      return new PricedSku(
          (String) row[0],
          (String) row[1],
          (String) row[2],
          Money.of((BigDecimal) row[3], ((String) row[4]).trim()),
          Product.Status.valueOf((String) row[5]).allowsPurchase());
    }
  }
}
