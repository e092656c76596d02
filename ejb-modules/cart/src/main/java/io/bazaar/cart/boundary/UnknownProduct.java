package io.bazaar.cart.boundary;

import jakarta.ejb.ApplicationException;

/** A SKU that is not in the catalog, or not for sale. */
@ApplicationException(rollback = true)
public class UnknownProduct extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sku;

  public UnknownProduct(String sku) {
    super("no product for sale with SKU " + sku);
    this.sku = sku;
  }

  public String sku() {
    return sku;
  }
}
