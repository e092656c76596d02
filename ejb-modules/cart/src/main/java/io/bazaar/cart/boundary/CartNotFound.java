package io.bazaar.cart.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

@ApplicationException(rollback = true)
public class CartNotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CartNotFound(UUID id) {
    super("no cart " + id);
  }
}
