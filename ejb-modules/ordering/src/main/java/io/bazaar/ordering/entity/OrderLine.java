package io.bazaar.ordering.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line of a placed order, with the price as it was when the order was placed. */
@Embeddable
public class OrderLine {

  @Column(nullable = false, length = 64)
  private String sku;

  @Column(name = "product_name", nullable = false, length = 200)
  private String productName;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal unitAmount;

  @Column(name = "line_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal lineAmount;

  @Column(nullable = false, length = 3)
  private String currency;

  protected OrderLine() {}

  public OrderLine(String sku, String productName, int quantity, Money unitPrice) {
    if (quantity < 1) {
      throw new IllegalArgumentException("an order line needs at least one unit");
    }
    this.sku = sku;
    this.productName = productName;
    this.quantity = quantity;
    this.unitAmount = unitPrice.getAmount();
    this.lineAmount = unitPrice.times(quantity).getAmount();
    this.currency = unitPrice.getCurrency();
  }

  public String sku() {
    return sku;
  }

  public String productName() {
    return productName;
  }

  public int quantity() {
    return quantity;
  }

  public Money unitPrice() {
    return Money.of(unitAmount, currency);
  }

  public Money lineTotal() {
    return Money.of(lineAmount, currency);
  }
}
