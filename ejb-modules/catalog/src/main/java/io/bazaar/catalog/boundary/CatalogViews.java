package io.bazaar.catalog.boundary;

import io.bazaar.catalog.entity.Category;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.Variant;
import io.bazaar.persistence.Money;
import java.util.List;
import java.util.Map;

/** What the catalog shows to the outside: read-only views, never the entities themselves. */
public final class CatalogViews {

  private CatalogViews() {}

  public record CategoryRef(String slug, String name) {
    static CategoryRef of(Category category) {
      return new CategoryRef(category.slug(), category.name());
    }
  }

  public record CategoryView(String slug, String name, String parent, long productCount) {}

  public record ProductSummary(
      String slug, String name, String brand, CategoryRef category, Money fromPrice) {
    static ProductSummary of(Product product) {
      Money from =
          product.variants().stream().map(Variant::price).min(Money::compareTo).orElse(null);
      return new ProductSummary(
          product.slug(),
          product.name(),
          product.brand(),
          CategoryRef.of(product.category()),
          from);
    }
  }

  public record VariantView(
      String sku, String label, Money price, Map<String, String> attributes, int available) {}

  public record ProductDetail(
      String slug,
      String name,
      String brand,
      String description,
      String status,
      List<CategoryRef> breadcrumbs,
      List<VariantView> variants) {}

  /**
   * A SKU priced from the catalog at this moment; carts and checkout never trust a client's price.
   */
  public record PricedSku(
      String sku, String productName, String label, Money price, boolean purchasable) {
    static PricedSku of(Variant variant) {
      return new PricedSku(
          variant.sku(),
          variant.product().name(),
          variant.label(),
          variant.price(),
          variant.product().isPurchasable());
    }
  }
}
