package io.bazaar.cart.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a shopper intends to buy. A cart holds SKUs and quantities, never prices: prices are read
 * from the catalog whenever the cart is shown or checked out. Once checked out a cart is closed for
 * good.
 */
@Entity
@Table(name = "cart")
public class Cart {

  public static final int MAX_QUANTITY_PER_LINE = 99;
  public static final int MAX_LINES = 50;

  public enum Status {
    OPEN,
    CHECKED_OUT
  }

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CartLine> lines = new ArrayList<>();

  @Version private long version;

  protected Cart() {}

  public static Cart open() {
    Cart cart = new Cart();
    cart.id = UUID.randomUUID();
    cart.status = Status.OPEN;
    cart.createdAt = Instant.now();
    cart.updatedAt = cart.createdAt;
    return cart;
  }

  /** Adds units of a SKU, merging with an existing line. */
  public void add(String sku, int quantity) {
    requireOpen();
    requireQuantity(quantity);
    Optional<CartLine> existing = line(sku);
    if (existing.isPresent()) {
      int merged = existing.get().quantity() + quantity;
      requireQuantity(merged);
      existing.get().changeQuantity(merged);
    } else {
      if (lines.size() >= MAX_LINES) {
        throw new IllegalArgumentException("a cart holds at most " + MAX_LINES + " lines");
      }
      int nextPosition = lines.stream().mapToInt(CartLine::position).max().orElse(-1) + 1;
      lines.add(new CartLine(this, sku, quantity, nextPosition));
    }
    touch();
  }

  /** Sets the quantity of a line; 0 removes it. */
  public void changeQuantity(String sku, int quantity) {
    requireOpen();
    if (quantity == 0) {
      remove(sku);
      return;
    }
    requireQuantity(quantity);
    line(sku)
        .orElseThrow(() -> new IllegalArgumentException(sku + " is not in the cart"))
        .changeQuantity(quantity);
    touch();
  }

  public void remove(String sku) {
    requireOpen();
    if (!lines.removeIf(line -> line.sku().equals(sku))) {
      throw new IllegalArgumentException(sku + " is not in the cart");
    }
    touch();
  }

  /** Closes the cart as part of placing an order; an empty cart cannot be checked out. */
  public void checkOut() {
    requireOpen();
    if (lines.isEmpty()) {
      throw new IllegalStateException("the cart is empty");
    }
    status = Status.CHECKED_OUT;
    touch();
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("the cart has been checked out");
    }
  }

  private static void requireQuantity(int quantity) {
    if (quantity < 1 || quantity > MAX_QUANTITY_PER_LINE) {
      throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY_PER_LINE);
    }
  }

  private Optional<CartLine> line(String sku) {
    return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  public UUID id() {
    return id;
  }

  public Status status() {
    return status;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public List<CartLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
