package io.bazaar.ordering.boundary;

import io.bazaar.ordering.entity.Order;
import io.bazaar.ordering.entity.OrderNumber;
import io.bazaar.payment.boundary.Payments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Locale;

/** Placed orders and their status. */
@Stateless
public class Orders {

  @PersistenceContext(unitName = "ordering")
  EntityManager em;

  @Inject Payments payments;

  public OrderView find(String number) {
    if (!OrderNumber.isWellFormed(number)) {
      throw new OrderNotFound(number);
    }
    Order order =
        em.createQuery("select o from Order o where o.number = :number", Order.class)
            .setParameter("number", number)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new OrderNotFound(number));
    String paymentStatus = payments.ofOrder(number).map(p -> p.status()).orElse("UNKNOWN");
    return OrderView.of(order, paymentStatus);
  }

  /**
   * Whether an order placed with this e-mail address, and not cancelled, contains any of these
   * SKUs: the verified-purchase flag of a review. Orders are matched by address because guests and
   * signed-in shoppers check out alike.
   */
  public boolean hasBought(String email, Collection<String> skus) {
    if (email == null || skus.isEmpty()) {
      return false;
    }
    return !em.createQuery(
            "select o.id from Order o join o.lines l where o.email = :email"
                + " and o.status <> :cancelled and sku_in(l.sku, :skus)",
            Long.class)
        .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
        .setParameter("cancelled", Order.Status.CANCELLED)
        .setParameter("skus", skus.toArray(String[]::new))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
