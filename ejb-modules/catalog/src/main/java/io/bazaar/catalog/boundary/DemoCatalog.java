package io.bazaar.catalog.boundary;

import io.bazaar.catalog.entity.Category;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.Slugs;
import io.bazaar.inventory.boundary.Stock;
import io.bazaar.persistence.Money;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads a small believable catalog with stock in two warehouses when {@code bazaar.demo-catalog} is
 * true and the catalog is empty, so that a fresh local shop has something to sell. Never touches a
 * catalog that already has products.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DemoCatalog {

  private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

  static final String MAIN_WAREHOUSE = "MAIN";
  static final String NORTH_WAREHOUSE = "NORTH";

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  @Inject Stock stock;

  @Inject
  @ConfigProperty(name = "bazaar.demo-catalog", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "bazaar.currency", defaultValue = "EUR")
  String currency;

  record Item(String name, String brand, String price, List<String> sizes, List<String> colours) {}

  @PostConstruct
  void load() {
    if (!enabled) {
      return;
    }
    long products = em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
    if (products > 0) {
      LOG.info("demo catalog not loaded: the catalog already has " + products + " products");
      return;
    }
    stock.defineWarehouse(MAIN_WAREHOUSE, "Main distribution centre", 0);
    stock.defineWarehouse(NORTH_WAREHOUSE, "North depot", 1);
    int position = 0;
    int loaded = 0;
    for (var department : departments().entrySet()) {
      Category category =
          new Category(Slugs.of(department.getKey()), department.getKey(), null, position++);
      em.persist(category);
      for (Item item : department.getValue()) {
        addProduct(category, item, loaded++);
      }
    }
    LOG.info("demo catalog loaded: " + loaded + " products");
  }

  private void addProduct(Category category, Item item, int seed) {
    Product product =
        new Product(
            Slugs.of(item.brand() + " " + item.name()),
            item.name(),
            item.brand(),
            "The " + item.name() + " by " + item.brand() + ": made to last, easy to love.",
            category);
    String skuStem = "BZ" + String.format("%04d", seed);
    int variant = 0;
    for (String colour : item.colours()) {
      for (String size : item.sizes()) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!colour.isEmpty()) {
          attributes.put("colour", colour);
        }
        if (!size.isEmpty()) {
          attributes.put("size", size);
        }
        String label = String.join(" / ", attributes.values());
        String sku = skuStem + "-" + (++variant);
        product.addVariant(
            sku,
            label.isEmpty() ? "Standard" : label,
            Money.of(item.price(), currency),
            attributes);
        stock.receive(sku, MAIN_WAREHOUSE, 5 + (seed * 7 + variant * 3) % 20, "demo-catalog");
        int northUnits = (seed + variant) % 6;
        if (northUnits > 0) {
          stock.receive(sku, NORTH_WAREHOUSE, northUnits, "demo-catalog");
        }
      }
    }
    product.activate();
    em.persist(product);
  }

  private static Map<String, List<Item>> departments() {
    List<String> apparelSizes = List.of("S", "M", "L", "XL");
    List<String> shoeSizes = List.of("40", "41", "42", "43", "44");
    List<String> none = List.of("");
    Map<String, List<Item>> departments = new LinkedHashMap<>();
    departments.put(
        "Shoes",
        List.of(
            new Item(
                "Trail Runner Sneakers", "Northpeak", "89.95", shoeSizes, List.of("Black", "Blue")),
            new Item(
                "City Leather Loafers", "Atelier Marin", "129.00", shoeSizes, List.of("Brown")),
            new Item(
                "Canvas Low Sneakers", "Fieldday", "49.50", shoeSizes, List.of("White", "Red"))));
    departments.put(
        "Clothing",
        List.of(
            new Item(
                "Merino Crew Sweater", "Fjellgarn", "79.00", apparelSizes, List.of("Grey", "Navy")),
            new Item(
                "Organic Cotton T-Shirt",
                "Fieldday",
                "19.90",
                apparelSizes,
                List.of("White", "Black", "Olive")),
            new Item("Waxed Field Jacket", "Northpeak", "189.00", apparelSizes, List.of("Olive"))));
    departments.put(
        "Kitchen",
        List.of(
            new Item("Cast Iron Skillet 26 cm", "Ferrum & Co", "54.90", none, none),
            new Item("Pour-Over Coffee Set", "Kaffebar", "39.00", none, List.of("Glass", "Copper")),
            new Item("Chef's Knife 20 cm", "Hagane", "99.00", none, none)));
    departments.put(
        "Home",
        List.of(
            new Item(
                "Linen Duvet Cover",
                "Lumen Home",
                "119.00",
                List.of("Single", "Double", "King"),
                List.of("Sand", "White")),
            new Item(
                "Stoneware Table Lamp", "Lumen Home", "69.00", none, List.of("Ochre", "Slate")),
            new Item("Wool Throw Blanket", "Fjellgarn", "84.50", none, List.of("Grey"))));
    departments.put(
        "Electronics",
        List.of(
            new Item(
                "Noise-Cancelling Headphones",
                "Sonora",
                "249.00",
                none,
                List.of("Black", "Silver")),
            new Item(
                "Portable Bluetooth Speaker", "Sonora", "79.99", none, List.of("Blue", "Black")),
            new Item("USB-C Charger 65 W", "Voltway", "34.90", none, none)));
    departments.put(
        "Outdoor",
        List.of(
            new Item("Two-Person Tent", "Northpeak", "219.00", none, List.of("Green")),
            new Item(
                "Insulated Water Bottle 750 ml",
                "Trailmate",
                "24.95",
                none,
                List.of("Steel", "Blue")),
            new Item(
                "Down Sleeping Bag",
                "Northpeak",
                "159.00",
                List.of("Regular", "Long"),
                List.of("Red"))));
    return departments;
  }
}
