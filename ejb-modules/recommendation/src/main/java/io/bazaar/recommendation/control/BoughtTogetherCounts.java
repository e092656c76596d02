package io.bazaar.recommendation.control;

import io.bazaar.recommendation.entity.BoughtTogether;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * Counts one order's products into the bought-together figures, in the caller's transaction.
 *
 * <p>Native SQL for two reasons a JPA read-modify-write cannot meet: an order is counted at most
 * once even when the broker delivers its event again ({@code counted_order} takes its number first,
 * and a second delivery finds it taken), and concurrent consumers add to the same pair without
 * losing one another's counts ({@code on conflict do update} increments under the row's lock).
 */
@Dependent
public class BoughtTogetherCounts {

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  /**
   * @return false if this order had been counted before, and nothing changed
   */
  public boolean count(String orderNumber, Collection<String> productSlugs, Instant placedAt) {
    int taken =
        em.createNativeQuery(
                "insert into recommendation.counted_order (order_number, counted_at)"
                    + " values (?1, now()) on conflict do nothing")
            .setParameter(1, orderNumber)
            .executeUpdate();
    if (taken == 0) {
      return false;
    }
    Timestamp boughtAt = Timestamp.from(placedAt);
    for (BoughtTogether.Pair pair : BoughtTogether.pairsOf(productSlugs)) {
      em.createNativeQuery(
              "insert into recommendation.bought_together"
                  + " (product_slug, other_slug, orders, last_bought_at) values (?1, ?2, 1, ?3)"
                  + " on conflict (product_slug, other_slug) do update"
                  + " set orders = bought_together.orders + 1,"
                  + " last_bought_at = greatest(bought_together.last_bought_at, excluded.last_bought_at)")
          .setParameter(1, pair.productSlug())
          .setParameter(2, pair.otherSlug())
          .setParameter(3, boughtAt)
          .executeUpdate();
    }
    return true;
  }
}
