package io.bazaar.ordering.boundary;

import io.bazaar.ordering.entity.Order;
import io.bazaar.ordering.entity.OrderNumber;
import io.bazaar.payment.boundary.Payments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
}
