package io.bazaar.systemtest;

import io.bazaar.systemtest.Databases.Database;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts products with known stock into the catalog and inventory databases, as a merchandiser's
 * import would, so every test starts from numbers it chose. Each product has fresh SKUs, so tests
 * never see each other's stock.
 */
public final class Catalogue {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Databases databases;

  Catalogue(Databases databases) {
    this.databases = databases;
  }

  /**
   * A product for sale with one variant holding {@code mainUnits} and {@code northUnits} of stock.
   */
  public String productWithStock(String price, int mainUnits, int northUnits) {
    databases.update(
        Database.INVENTORY,
        "insert into catalog.category (slug, name, position) values ('system-tests', 'System tests', 99)"
            + " on conflict (slug) do nothing");
    return productWithStock("system-tests", price, mainUnits, northUnits);
  }

  /** A new category of its own, so that a test can count what is in it. */
  public String category(String name) {
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    databases.update(
        Database.INVENTORY,
        "insert into catalog.category (slug, name, position) values (?, ?, 98)",
        slug,
        name);
    return slug;
  }

  /** Like {@link #productWithStock(String, int, int)}, in the given category. */
  public String productWithStock(String category, String price, int mainUnits, int northUnits) {
    String unique =
        UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT)
            + "-"
            + SEQUENCE.incrementAndGet();
    String sku = "IT-" + unique;
    databases.update(
        Database.INVENTORY,
        "insert into catalog.brand (slug, name) values ('testbrand', 'Testbrand')"
            + " on conflict (slug) do nothing");
    databases.update(
        Database.INVENTORY,
        "insert into catalog.product (slug, name, brand_id, description, category_id, status,"
            + " created_at, updated_at)"
            + " select ?, ?, (select id from catalog.brand where slug = 'testbrand'),"
            + " 'Made by the system tests.', id, 'ACTIVE', now(), now()"
            + " from catalog.category where slug = ?",
        "product-" + unique.toLowerCase(Locale.ROOT),
        "Test product " + unique,
        category);
    databases.update(
        Database.INVENTORY,
        "insert into catalog.variant (sku, product_id, label, amount, currency, position, in_stock)"
            + " select ?, id, 'Standard', ?, 'EUR', 0, ? from catalog.product where slug = ?",
        sku,
        new BigDecimal(price),
        mainUnits + northUnits > 0,
        "product-" + unique.toLowerCase(Locale.ROOT));
    databases.update(
        Database.INVENTORY,
        "insert into inventory.warehouse (code, name, priority) values ('MAIN', 'Main', 0),"
            + " ('NORTH', 'North', 1) on conflict (code) do nothing");
    stock(sku, "MAIN", mainUnits);
    stock(sku, "NORTH", northUnits);
    return sku;
  }

  private void stock(String sku, String warehouse, int units) {
    if (units > 0) {
      databases.update(
          Database.INVENTORY,
          "insert into inventory.stock_level (sku, warehouse_code, on_hand) values (?, ?, ?)",
          sku,
          warehouse,
          units);
    }
  }

  /** The product slug of a SKU made by this class. */
  public static String productSlugOf(String sku) {
    return "product-" + sku.substring("IT-".length()).toLowerCase(Locale.ROOT);
  }

  public long onHand(String sku) {
    return databases.count(
        Database.INVENTORY, "select sum(on_hand) from inventory.stock_level where sku = ?", sku);
  }

  public long unitsSold(String sku) {
    return -databases.count(
        Database.INVENTORY,
        "select coalesce(sum(quantity), 0) from inventory.stock_movement where sku = ? and reason = 'SALE'",
        sku);
  }
}
