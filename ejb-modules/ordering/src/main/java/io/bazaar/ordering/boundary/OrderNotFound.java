package io.bazaar.ordering.boundary;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class OrderNotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OrderNotFound(String number) {
    super("no order " + number);
  }
}
