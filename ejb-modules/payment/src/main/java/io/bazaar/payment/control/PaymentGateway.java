package io.bazaar.payment.control;

import io.bazaar.persistence.Money;

/**
 * The port to the card processor. Its calls cannot join a JTA transaction, so checkout authorizes
 * first and voids the authorization when the transaction does not commit.
 */
public interface PaymentGateway {

  /**
   * Reserves the amount on the shopper's payment method. Retrying with the same idempotency key
   * never authorizes twice.
   *
   * @throws io.bazaar.payment.boundary.PaymentDeclined when the provider refuses the payment
   * @throws io.bazaar.payment.boundary.PaymentProviderUnavailable when it cannot be reached
   */
  Authorization authorize(
      Money amount, String paymentToken, String reference, String idempotencyKey);

  /** Releases an authorization that will not be captured. Idempotent. */
  void voidAuthorization(String authorizationId);

  record Authorization(String id, Money amount, String reference) {}
}
