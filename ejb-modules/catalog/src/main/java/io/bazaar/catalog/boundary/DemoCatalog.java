package io.bazaar.catalog.boundary;

import io.bazaar.catalog.control.CatalogGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty catalog with a generated, believable one when {@code bazaar.demo-catalog} is true,
 * so that a fresh local shop has something to sell and to search: {@code
 * bazaar.demo-catalog.products} products (10,000 by default) from a fixed seed, with stock in two
 * warehouses. It loads in the background in chunks of {@value #CHUNK} products, one transaction
 * each, logging progress, then fires {@link DemoCatalogLoaded} for the demo data of other contexts
 * (reviews) and merges the search index's segments; the member reports not ready ({@link
 * DemoCatalogReadiness}) until all of it is done. Never touches a catalog that already has
 * categories, and of several members starting on one empty database only one loads.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCatalog {

  private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

  static final int CHUNK = 250;

  @Inject DemoCatalogLoader loader;

  @Resource ManagedExecutorService executor;

  @Inject Event<DemoCatalogLoaded> loadedEvents;

  @Inject SearchIndex searchIndex;

  @Inject
  @ConfigProperty(name = "bazaar.demo-catalog", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "bazaar.demo-catalog.products", defaultValue = "10000")
  int products;

  @Inject
  @ConfigProperty(name = "bazaar.demo-catalog.seed", defaultValue = "2026")
  long seed;

  /** What readiness reports while the catalog loads. */
  public record Progress(boolean done, int loaded, int total, String failure) {}

  private final AtomicInteger loaded = new AtomicInteger();
  private volatile boolean done;
  private volatile String failure;

  @PostConstruct
  void start() {
    if (!enabled) {
      done = true;
      return;
    }
    if (products < 0 || products > 1_000_000) {
      throw new IllegalStateException("bazaar.demo-catalog.products must be 0-1,000,000");
    }
    executor.submit(this::load);
  }

  private void load() {
    try {
      CatalogGenerator generator = new CatalogGenerator(seed);
      if (!loader.claimEmptyCatalog(generator)) {
        LOG.info("demo catalog not loaded: the catalog is not empty");
        return;
      }
      long started = System.nanoTime();
      int reported = 0;
      for (int from = 0; from < products; from += CHUNK) {
        int to = Math.min(products, from + CHUNK);
        loader.loadProducts(generator, from, to);
        loaded.set(to);
        int percent = (int) (100L * to / products);
        if (percent >= reported + 10 || to == products) {
          reported = percent;
          LOG.info(
              String.format("demo catalog: %,d of %,d products (%d%%)", to, products, percent));
        }
      }
      LOG.info(
          String.format(
              "demo catalog loaded: %,d products in %d s",
              products, (System.nanoTime() - started) / 1_000_000_000L));
      loadedEvents.fire(new DemoCatalogLoaded(seed, products));
      // Loaded chunk by chunk, and re-indexed again as the reviews set ratings, the index is left
      // in many segments (14 at 100,000 products); an idle shop answered 878 searches/s over 11
      // against 1,461 over one (docs/performance.md).
      searchIndex.mergeSegments();
    } catch (RuntimeException failed) {
      failure = String.valueOf(failed.getMessage());
      LOG.log(Level.SEVERE, "demo catalog could not be loaded", failed);
    } finally {
      done = true;
    }
  }

  public Progress progress() {
    return new Progress(done, loaded.get(), enabled ? products : 0, failure);
  }
}
