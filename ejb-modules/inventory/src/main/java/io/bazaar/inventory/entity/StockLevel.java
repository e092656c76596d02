package io.bazaar.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * Units of one SKU on hand in one warehouse. The invariant — never below zero — is kept here, in
 * the database's CHECK constraint, and by the callers locking rows before taking from them.
 */
@Entity
@Table(name = "stock_level")
public class StockLevel {

  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "sku", length = 64)
    private String sku;

    @Column(name = "warehouse_code", length = 32)
    private String warehouseCode;

    protected Key() {}

    public Key(String sku, String warehouseCode) {
      this.sku = sku;
      this.warehouseCode = warehouseCode;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && sku.equals(other.sku)
          && warehouseCode.equals(other.warehouseCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sku, warehouseCode);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "on_hand", nullable = false)
  private int onHand;

  @Version private long version;

  protected StockLevel() {}

  public StockLevel(String sku, String warehouseCode, int onHand) {
    if (onHand < 0) {
      throw new IllegalArgumentException("stock on hand cannot be negative");
    }
    this.key = new Key(sku, warehouseCode);
    this.onHand = onHand;
  }

  /**
   * Takes up to {@code wanted} units and answers how many were taken (0 when none are on hand).
   * Callers hold a pessimistic lock on this row.
   */
  public int takeUpTo(int wanted) {
    if (wanted <= 0) {
      throw new IllegalArgumentException("quantity to take must be positive");
    }
    int taken = Math.min(wanted, onHand);
    onHand -= taken;
    return taken;
  }

  public void receive(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("units received must be positive");
    }
    onHand = Math.addExact(onHand, units);
  }

  public String sku() {
    return key.sku;
  }

  public String warehouseCode() {
    return key.warehouseCode;
  }

  public int onHand() {
    return onHand;
  }
}
