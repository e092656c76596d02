package io.bazaar.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of stock on hand, kept so that stock can always be reconciled against sales. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

  public enum Reason {
    RECEIPT,
    SALE,
    ADJUSTMENT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String sku;

  @Column(name = "warehouse_code", nullable = false, length = 32)
  private String warehouseCode;

  /** Positive for units in, negative for units out. */
  @Column(nullable = false)
  private int quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Reason reason;

  @Column(length = 64)
  private String reference;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected StockMovement() {}

  private StockMovement(
      String sku, String warehouseCode, int quantity, Reason reason, String reference) {
    this.sku = sku;
    this.warehouseCode = warehouseCode;
    this.quantity = quantity;
    this.reason = reason;
    this.reference = reference;
    this.occurredAt = Instant.now();
  }

  public static StockMovement sale(StockLevel level, int units, String orderNumber) {
    return new StockMovement(level.sku(), level.warehouseCode(), -units, Reason.SALE, orderNumber);
  }

  public static StockMovement receipt(StockLevel level, int units, String reference) {
    return new StockMovement(level.sku(), level.warehouseCode(), units, Reason.RECEIPT, reference);
  }

  public String sku() {
    return sku;
  }

  public String warehouseCode() {
    return warehouseCode;
  }

  public int quantity() {
    return quantity;
  }
}
