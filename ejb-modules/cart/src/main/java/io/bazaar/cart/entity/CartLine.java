package io.bazaar.cart.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A SKU and how many of it; changed only through its {@link Cart}. */
@Entity
@Table(name = "cart_line")
@IdClass(CartLine.Key.class)
public class CartLine {

  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID cart;
    String sku;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && Objects.equals(cart, other.cart)
          && Objects.equals(sku, other.sku);
    }

    @Override
    public int hashCode() {
      return Objects.hash(cart, sku);
    }
  }

  @Id
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "cart_id")
  private Cart cart;

  @Id
  @Column(length = 64)
  private String sku;

  @Column(nullable = false)
  private int quantity;

  @Column(nullable = false)
  private int position;

  protected CartLine() {}

  CartLine(Cart cart, String sku, int quantity, int position) {
    this.cart = cart;
    this.sku = sku;
    this.quantity = quantity;
    this.position = position;
  }

  void changeQuantity(int quantity) {
    this.quantity = quantity;
  }

  public String sku() {
    return sku;
  }

  public int quantity() {
    return quantity;
  }

  int position() {
    return position;
  }
}
