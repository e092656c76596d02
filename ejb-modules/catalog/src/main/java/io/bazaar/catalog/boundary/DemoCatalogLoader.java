package io.bazaar.catalog.boundary;

import io.bazaar.catalog.control.CatalogGenerator;
import io.bazaar.catalog.control.CatalogGenerator.CategorySpec;
import io.bazaar.catalog.control.CatalogGenerator.ProductSpec;
import io.bazaar.catalog.control.CatalogGenerator.VariantSpec;
import io.bazaar.catalog.entity.Brand;
import io.bazaar.catalog.entity.Category;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.ProductImage;
import io.bazaar.inventory.boundary.Stock;
import io.bazaar.inventory.boundary.Stock.Receipt;
import io.bazaar.persistence.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The demo catalog's transactions: the tree and brands first, then products chunk by chunk. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoCatalogLoader {

  static final String MAIN_WAREHOUSE = "MAIN";
  static final String NORTH_WAREHOUSE = "NORTH";

  /** Any constant shared by all members; serialises their first look at an empty catalog. */
  private static final long EMPTY_CATALOG_LOCK = 0x62617a6161720001L;

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  @Inject Stock stock;

  @Inject
  @ConfigProperty(name = "bazaar.currency", defaultValue = "EUR")
  String currency;

  /**
   * Creates the category tree, the brands and the warehouses if the catalog has no category yet,
   * and answers whether it did (whether this member loads the products).
   */
  public boolean claimEmptyCatalog(CatalogGenerator generator) {
    em.createNativeQuery("select pg_advisory_xact_lock(" + EMPTY_CATALOG_LOCK + ")")
        .getSingleResult();
    long categories =
        em.createQuery("select count(c) from Category c", Long.class).getSingleResult();
    if (categories > 0) {
      return false;
    }
    stock.defineWarehouse(MAIN_WAREHOUSE, "Main distribution centre", 0);
    stock.defineWarehouse(NORTH_WAREHOUSE, "North depot", 1);
    Map<String, Category> bySlug = new HashMap<>();
    for (CategorySpec spec : generator.categories()) {
      Category category =
          new Category(
              spec.slug(),
              spec.name(),
              spec.parentSlug() == null ? null : bySlug.get(spec.parentSlug()),
              spec.position());
      em.persist(category);
      bySlug.put(spec.slug(), category);
    }
    generator.brands().forEach(spec -> em.persist(new Brand(spec.slug(), spec.name())));
    return true;
  }

  /** Products {@code from} (inclusive) to {@code to} (exclusive) of the generated catalog. */
  public void loadProducts(CatalogGenerator generator, int from, int to) {
    Map<String, Category> categories =
        em.createQuery("select c from Category c", Category.class)
            .getResultStream()
            .collect(Collectors.toMap(Category::slug, Function.identity()));
    Map<String, Brand> brands =
        em.createQuery("select b from Brand b", Brand.class)
            .getResultStream()
            .collect(Collectors.toMap(Brand::slug, Function.identity()));
    List<Receipt> receipts = new ArrayList<>();
    for (int index = from; index < to; index++) {
      ProductSpec spec = generator.product(index);
      Product product =
          new Product(
              spec.slug(),
              spec.name(),
              brands.get(spec.brandSlug()),
              spec.description(),
              categories.get(spec.categorySlug()),
              spec.createdAt());
      spec.attributes().forEach(product::describe);
      spec.images()
          .forEach(image -> product.addImage(new ProductImage(image.url(), image.altText())));
      for (VariantSpec variant : spec.variants()) {
        product
            .addVariant(
                variant.sku(),
                variant.label(),
                Money.of(variant.price(), currency),
                variant.attributes())
            .markAvailability(variant.unitsMain() + variant.unitsNorth() > 0);
        if (variant.unitsMain() > 0) {
          receipts.add(new Receipt(variant.sku(), MAIN_WAREHOUSE, variant.unitsMain()));
        }
        if (variant.unitsNorth() > 0) {
          receipts.add(new Receipt(variant.sku(), NORTH_WAREHOUSE, variant.unitsNorth()));
        }
      }
      product.activate();
      em.persist(product);
    }
    stock.receiveAll(receipts, "demo-catalog");
  }
}
