package io.bazaar.payment.boundary;

import io.bazaar.payment.control.PaymentGateway;
import io.bazaar.payment.control.PaymentGateway.Authorization;
import io.bazaar.payment.control.VoidOnRollback;
import io.bazaar.payment.entity.Payment;
import io.bazaar.persistence.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** Payments of orders. Joins the caller's transaction; the provider call itself cannot. */
@Stateless
public class Payments {

  @PersistenceContext(unitName = "payment")
  EntityManager em;

  @Inject PaymentGateway gateway;

  @Resource TransactionSynchronizationRegistry transaction;

  public record PaymentView(
      String orderNumber, String authorizationId, Money amount, String status) {}

  /**
   * Authorizes the amount and arranges for the authorization to be voided if the surrounding
   * transaction does not commit. Each attempt has its own provider idempotency key, so a checkout
   * that is rolled back and retried never reuses a voided authorization.
   */
  public Authorization authorize(Money amount, String paymentToken, String reference) {
    if (paymentToken == null || paymentToken.isBlank()) {
      throw new IllegalArgumentException("a payment token is required");
    }
    Authorization authorization;
    try {
      authorization =
          gateway.authorize(amount, paymentToken, reference, "checkout-" + UUID.randomUUID());
    } catch (FaultToleranceException breakerOpenOrTimedOut) {
      throw new PaymentProviderUnavailable(breakerOpenOrTimedOut.getMessage());
    }
    transaction.registerInterposedSynchronization(new VoidOnRollback(gateway, authorization.id()));
    return authorization;
  }

  /** Records the authorized payment of an order, in the caller's transaction. */
  public void record(String orderNumber, Authorization authorization) {
    em.persist(Payment.authorized(orderNumber, authorization.id(), authorization.amount()));
  }

  public Optional<PaymentView> ofOrder(String orderNumber) {
    return em.createQuery("select p from Payment p where p.orderNumber = :number", Payment.class)
        .setParameter("number", orderNumber)
        .getResultStream()
        .findFirst()
        .map(
            p ->
                new PaymentView(
                    p.orderNumber(), p.authorizationId(), p.amount(), p.status().name()));
  }
}
