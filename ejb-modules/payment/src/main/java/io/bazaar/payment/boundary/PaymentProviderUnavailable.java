package io.bazaar.payment.boundary;

import jakarta.ejb.ApplicationException;

/** The provider did not answer in time; nothing was charged and the shopper may retry. */
@ApplicationException(rollback = true)
public class PaymentProviderUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentProviderUnavailable(String detail) {
    super("the payment provider is unavailable: " + detail);
  }
}
