package io.bazaar.catalog.boundary;

import jakarta.ejb.ApplicationException;

/** No product with that slug, in any status. */
@ApplicationException(rollback = true)
public class ProductNotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProductNotFound(String slug) {
    super("no product " + slug);
  }
}
