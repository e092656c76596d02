package io.bazaar.ordering.boundary;

import io.bazaar.ordering.entity.Order;
import io.bazaar.persistence.Money;
import java.time.Instant;
import java.util.List;

/** A placed order as its shopper sees it. */
public record OrderView(
    String number,
    String status,
    String email,
    PlaceOrder.Address shippingAddress,
    List<Line> lines,
    Money total,
    String paymentStatus,
    Instant placedAt) {

  public record Line(
      String sku, String productName, int quantity, Money unitPrice, Money lineTotal) {}

  static OrderView of(Order order, String paymentStatus) {
    var a = order.shippingAddress();
    return new OrderView(
        order.number(),
        order.status().name(),
        order.email(),
        new PlaceOrder.Address(
            a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country()),
        order.lines().stream()
            .map(
                l -> new Line(l.sku(), l.productName(), l.quantity(), l.unitPrice(), l.lineTotal()))
            .toList(),
        order.total(),
        paymentStatus,
        order.placedAt());
  }
}
