package io.bazaar.payment.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The payment of one order: an authorization at the payment provider, recorded in the same
 * transaction that places the order. Moves AUTHORIZED → CAPTURED → REFUNDED, or AUTHORIZED →
 * VOIDED.
 */
@Entity
@Table(name = "payment")
public class Payment {

  public enum Status {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    REFUNDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_number", nullable = false, unique = true, length = 20)
  private String orderNumber;

  @Column(name = "authorization_id", nullable = false, unique = true, length = 64)
  private String authorizationId;

  @Embedded private Money amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Payment() {}

  public static Payment authorized(String orderNumber, String authorizationId, Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a payment cannot be negative");
    }
    Payment payment = new Payment();
    payment.orderNumber = orderNumber;
    payment.authorizationId = authorizationId;
    payment.amount = amount;
    payment.status = Status.AUTHORIZED;
    payment.createdAt = Instant.now();
    payment.updatedAt = payment.createdAt;
    return payment;
  }

  public String orderNumber() {
    return orderNumber;
  }

  public String authorizationId() {
    return authorizationId;
  }

  public Money amount() {
    return amount;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
