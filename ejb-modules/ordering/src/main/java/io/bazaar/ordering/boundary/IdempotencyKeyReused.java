package io.bazaar.ordering.boundary;

import jakarta.ejb.ApplicationException;

/** The idempotency key was already used for a different checkout request. */
@ApplicationException(rollback = true)
public class IdempotencyKeyReused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReused(String key) {
    super("idempotency key '" + key + "' was already used for a different request");
  }
}
