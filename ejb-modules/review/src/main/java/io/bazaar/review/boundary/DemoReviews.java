package io.bazaar.review.boundary;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.DemoCatalogLoaded;
import io.bazaar.persistence.Page;
import io.bazaar.review.control.DemoReviewWriter;
import io.bazaar.review.control.DemoReviewWriter.DemoReview;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives a freshly generated demo catalog its reviews (unless {@code bazaar.demo-catalog.reviews} is
 * false), so that ratings, the rating facet and the rating sort have something to show. Runs on the
 * catalog loader's thread, before the member reports ready; one transaction per reviewed product,
 * progress in the log. A failure is logged and leaves the shop without the remaining demo reviews;
 * it never stops the shop.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoReviews {

  private static final Logger LOG = Logger.getLogger(DemoReviews.class.getName());
  private static final int PAGE = Page.MAX_SIZE;

  @Inject Catalog catalog;
  @Inject Reviews reviews;

  @Inject
  @ConfigProperty(name = "bazaar.demo-catalog.reviews", defaultValue = "true")
  boolean enabled;

  public void write(@Observes DemoCatalogLoaded loaded) {
    if (!enabled) {
      return;
    }
    try {
      writeAll(new DemoReviewWriter(loaded.seed()));
    } catch (RuntimeException failed) {
      LOG.log(Level.SEVERE, "demo reviews stopped", failed);
    }
  }

  private void writeAll(DemoReviewWriter writer) {
    long started = System.nanoTime();
    Instant loadedAt = Instant.now();
    int products = 0;
    int stored = 0;
    int reported = 0;
    Page<ProductSummary> page = catalog.products(null, 0, PAGE);
    long total = page.total();
    for (int number = 0; !page.items().isEmpty(); page = catalog.products(null, ++number, PAGE)) {
      for (ProductSummary product : page.items()) {
        List<DemoReview> written = writer.reviewsOf(product.slug(), product.name());
        if (!written.isEmpty()) {
          stored += reviews.importPublished(product.slug(), written, loadedAt);
          products++;
        }
      }
      int percent = total == 0 ? 100 : (int) (100L * Math.min(total, (number + 1L) * PAGE) / total);
      if (percent >= reported + 20 || percent == 100) {
        reported = percent;
        LOG.info(String.format("demo reviews: %d%% of the catalog done", percent));
      }
    }
    LOG.info(
        String.format(
            "demo reviews written: %,d reviews of %,d products in %d s",
            stored, products, (System.nanoTime() - started) / 1_000_000_000L));
  }
}
