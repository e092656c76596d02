package io.bazaar.cart.boundary;

import io.bazaar.persistence.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A cart priced from the catalog at the moment it is read. */
public record CartView(
    UUID id, String status, List<Line> lines, Money subtotal, int itemCount, Instant updatedAt) {

  public record Line(
      String sku,
      String productName,
      String label,
      Money unitPrice,
      int quantity,
      Money lineTotal,
      boolean purchasable) {}
}
