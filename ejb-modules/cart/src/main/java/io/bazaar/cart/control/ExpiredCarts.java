package io.bazaar.cart.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deletes carts nobody has changed for a long time, in the caller's transaction.
 *
 * <p>{@code for update skip locked}: a cart that a shopper is changing or checking out at this
 * moment holds its row lock, so it is skipped here rather than waited for (and its change makes it
 * young again). A cart deleted first is gone for the shopper too: a change queued behind the
 * deletion finds no cart, which the API answers with 404 and the storefront with a new cart. Lines
 * go with their cart ({@code on delete cascade}). Several members deleting at once take disjoint
 * carts.
 */
@Dependent
public class ExpiredCarts {

  @PersistenceContext(unitName = "cart")
  EntityManager em;

  /**
   * @return how many of the oldest carts last changed before {@code lastChangedBefore} were
   *     deleted, at most {@code limit}
   */
  public int removeOldest(Instant lastChangedBefore, int limit) {
    return em.createNativeQuery(
            "delete from cart.cart where id in (select id from cart.cart where updated_at < ?1"
                + " order by updated_at limit ?2 for update skip locked)")
        .setParameter(1, Timestamp.from(lastChangedBefore))
        .setParameter(2, limit)
        .executeUpdate();
  }
}
