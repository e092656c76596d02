package io.bazaar.ordering.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The event published, in the checkout transaction, when an order is placed. Self-contained, so
 * that consumers (the confirmation e-mail, recommendations) need not call back into ordering.
 */
public record OrderPlaced(
    String orderNumber,
    String email,
    String customerName,
    List<Line> lines,
    String total,
    String currency,
    Instant placedAt) {

  public record Line(
      String sku, String productName, int quantity, String unitPrice, String lineTotal) {}
}
