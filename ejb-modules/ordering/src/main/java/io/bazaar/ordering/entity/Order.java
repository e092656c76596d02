package io.bazaar.ordering.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A placed order. Its lines and total are fixed when it is placed; later price changes in the
 * catalog never change what the shopper agreed to pay.
 */
@Entity
@Table(name = "customer_order")
public class Order {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  public enum Status {
    PLACED,
    SHIPPED,
    DELIVERED,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 20)
  private String number;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
  private String idempotencyKey;

  @Column(name = "request_fingerprint", nullable = false, length = 64)
  private String requestFingerprint;

  @Column(nullable = false, length = 254)
  private String email;

  @Embedded private ShippingAddress shippingAddress;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_number")
  private List<OrderLine> lines = new ArrayList<>();

  @Embedded private Money total;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "payment_reference", nullable = false, length = 64)
  private String paymentReference;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Version private long version;

  protected Order() {}

  /** Places an order for the given lines; the total is their sum. */
  public static Order place(
      String number,
      String idempotencyKey,
      String requestFingerprint,
      String email,
      ShippingAddress shippingAddress,
      List<OrderLine> lines,
      String paymentReference) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    Order order = new Order();
    order.number = number;
    order.idempotencyKey = idempotencyKey;
    order.requestFingerprint = requestFingerprint;
    order.email = normalizeEmail(email);
    order.shippingAddress = shippingAddress;
    order.lines = new ArrayList<>(lines);
    order.total = totalOf(lines);
    order.paymentReference = paymentReference;
    order.status = Status.PLACED;
    order.placedAt = Instant.now();
    return order;
  }

  public static Money totalOf(List<OrderLine> lines) {
    Money total = Money.zero(lines.get(0).unitPrice().getCurrency());
    for (OrderLine line : lines) {
      total = total.plus(line.lineTotal());
    }
    return total;
  }

  public static String normalizeEmail(String email) {
    if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
      throw new IllegalArgumentException("a valid e-mail address is required");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether a retried request with this key asks for the same order as the one placed. */
  public boolean wasRequestedBy(String fingerprint) {
    return requestFingerprint.equals(fingerprint);
  }

  public String number() {
    return number;
  }

  public String email() {
    return email;
  }

  public ShippingAddress shippingAddress() {
    return shippingAddress;
  }

  public List<OrderLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public Money total() {
    return total;
  }

  public Status status() {
    return status;
  }

  public String paymentReference() {
    return paymentReference;
  }

  public Instant placedAt() {
    return placedAt;
  }
}
