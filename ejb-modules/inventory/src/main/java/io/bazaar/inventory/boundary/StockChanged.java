package io.bazaar.inventory.boundary;

import java.util.Map;

/**
 * Fired, synchronously and inside the changing transaction, after stock of some SKUs changed: the
 * units now available per SKU over all warehouses. Observers that keep a copy (the catalog's
 * in-stock flag for search) update it in the same transaction, so the copy commits or rolls back
 * with the change itself.
 */
public record StockChanged(Map<String, Integer> availableNow) {

  public StockChanged {
    availableNow = Map.copyOf(availableNow);
  }
}
