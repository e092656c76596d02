package io.bazaar.ordering.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The member had no turn for this checkout in time (see {@code CheckoutAdmission}). It is raised
 * before the cart, the card or the stock is touched: nothing happened, and the same request may be
 * sent again.
 */
@ApplicationException(rollback = true)
public class CheckoutBusy extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CheckoutBusy() {
    super("the shop is taking many orders right now; nothing was done, please try again shortly");
  }
}
