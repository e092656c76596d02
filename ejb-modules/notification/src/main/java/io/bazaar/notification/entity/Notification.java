package io.bazaar.notification.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;

/**
 * A message sent to a customer, kept in the document store. The id names what was notified (for
 * example {@code order-confirmation:BZ-7K3Q9XWD2M}), so one event can be recorded only once.
 */
@Entity("notifications")
public class Notification {

  @Id private String id;

  @Column private String kind;

  @Column private String orderNumber;

  @Column private String recipient;

  @Column private String subject;

  @Column private String messageId;

  /** ISO-8601 UTC instant; a string so every MongoDB client reads it the same way. */
  @Column private String sentAt;

  public Notification() {
    // for JNoSQL
  }

  private Notification(
      String kind, String orderNumber, String recipient, String subject, String messageId) {
    this.id = idOf(kind, orderNumber);
    this.kind = kind;
    this.orderNumber = orderNumber;
    this.recipient = recipient;
    this.subject = subject;
    this.messageId = messageId;
    this.sentAt = Instant.now().toString();
  }

  public static Notification sent(
      String kind, String orderNumber, String recipient, String subject, String messageId) {
    return new Notification(kind, orderNumber, recipient, subject, messageId);
  }

  public static String idOf(String kind, String orderNumber) {
    return kind + ":" + orderNumber;
  }

  public String id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public Instant sentAt() {
    return Instant.parse(sentAt);
  }
}
