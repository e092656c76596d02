package io.bazaar.ordering.boundary;

import jakarta.ejb.ApplicationException;

/** Checkout requires an Idempotency-Key, so that a retried request can never pay twice. */
@ApplicationException(rollback = true)
public class MissingIdempotencyKey extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MissingIdempotencyKey() {
    super("the Idempotency-Key header is required to place an order");
  }
}
