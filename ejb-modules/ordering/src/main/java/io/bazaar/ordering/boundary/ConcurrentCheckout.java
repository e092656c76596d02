package io.bazaar.ordering.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Another request with the same idempotency key committed first. The loser rolls back (voiding its
 * authorization) and answers with the winner's order.
 */
@ApplicationException(rollback = true)
public class ConcurrentCheckout extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentCheckout(String key) {
    super("a concurrent checkout with idempotency key '" + key + "' committed first");
  }
}
