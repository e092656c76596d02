package io.bazaar.payment.boundary;

import jakarta.ejb.ApplicationException;

/** The provider refused the payment: the shopper should use another payment method. */
@ApplicationException(rollback = true)
public class PaymentDeclined extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentDeclined(String reason) {
    super("the payment was declined: " + reason);
  }
}
