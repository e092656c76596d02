package io.bazaar.review.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A customer's review of a product, kept in the document store. Its id is made of the product and
 * the author, so a customer has at most one review per product: writing again edits it.
 *
 * <p>Only published reviews are shown and counted in the product's rating. A new or edited review
 * is published at once when the screening finds nothing to hold it for, and waits for a moderator
 * otherwise; a moderator can publish or reject it (with a reason the author sees) at any time.
 */
@Entity("reviews")
public class Review {

  public enum Status {
    PENDING,
    PUBLISHED,
    REJECTED
  }

  public static final int MAX_REASON_LENGTH = 500;

  @Id private String id;

  @Column private String productSlug;

  @Column private String authorId;

  @Column private String authorName;

  @Column private int rating;

  @Column private String title;

  @Column private String text;

  @Column private boolean verifiedPurchase;

  @Column private String status;

  /** Why the review is held or rejected; null when published. */
  @Column private String moderationReason;

  @Column private long helpfulVotes;

  /**
   * ISO-8601 UTC instants of fixed width (microseconds), so that their order as strings is their
   * order in time; strings so every MongoDB client reads them the same way.
   */
  @Column private String createdAt;

  @Column private String updatedAt;

  public Review() {
    // for JNoSQL
  }

  private static final DateTimeFormatter SORTABLE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  static String stamp(Instant instant) {
    return SORTABLE_INSTANT.format(instant);
  }

  public static String idOf(String productSlug, String authorId) {
    return productSlug + ":" + authorId;
  }

  /** A first review of a product by this author, published or held as the screening decided. */
  public static Review write(
      String productSlug,
      String authorId,
      String authorName,
      ReviewDraft draft,
      boolean verifiedPurchase,
      ScreeningVerdict verdict,
      Instant now) {
    Review review = new Review();
    review.id = idOf(productSlug, requireText("author", authorId));
    review.productSlug = requireText("product", productSlug);
    review.authorId = authorId;
    review.createdAt = stamp(now);
    review.revise(authorName, draft, verifiedPurchase, verdict, now);
    return review;
  }

  /** The author's new version; it goes through screening again, as a new review does. */
  public void revise(
      String authorName,
      ReviewDraft draft,
      boolean verifiedPurchase,
      ScreeningVerdict verdict,
      Instant now) {
    Objects.requireNonNull(draft, "draft");
    this.authorName = requireText("author name", authorName);
    this.rating = draft.rating();
    this.title = draft.title();
    this.text = draft.text();
    this.verifiedPurchase = verifiedPurchase;
    if (verdict.publish()) {
      this.status = Status.PUBLISHED.name();
      this.moderationReason = null;
    } else {
      this.status = Status.PENDING.name();
      this.moderationReason = verdict.reason();
    }
    this.updatedAt = stamp(now);
  }

  public void publish(Instant now) {
    status = Status.PUBLISHED.name();
    moderationReason = null;
    updatedAt = stamp(now);
  }

  public void reject(String reason, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason the author can read");
    }
    if (reason.strip().length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "the reason is longer than " + MAX_REASON_LENGTH + " characters");
    }
    status = Status.REJECTED.name();
    moderationReason = reason.strip();
    updatedAt = stamp(now);
  }

  /** The author may not vote their own review helpful; anyone else may, once, while it is shown. */
  public void requireVotableBy(String voterId) {
    if (authorId.equals(voterId)) {
      throw new IllegalStateException("authors cannot vote for their own review");
    }
    if (!isPublished()) {
      throw new IllegalStateException("only published reviews take helpful votes");
    }
  }

  public void countHelpfulVotes(long votes) {
    if (votes < 0) {
      throw new IllegalArgumentException("a vote count cannot be negative");
    }
    helpfulVotes = votes;
  }

  private static String requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a review needs its " + what);
    }
    return value;
  }

  public boolean isPublished() {
    return status().equals(Status.PUBLISHED);
  }

  public String id() {
    return id;
  }

  public String productSlug() {
    return productSlug;
  }

  public String authorId() {
    return authorId;
  }

  public String authorName() {
    return authorName;
  }

  public int rating() {
    return rating;
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  public boolean verifiedPurchase() {
    return verifiedPurchase;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public String moderationReason() {
    return moderationReason;
  }

  public long helpfulVotes() {
    return helpfulVotes;
  }

  public Instant createdAt() {
    return Instant.parse(createdAt);
  }

  public Instant updatedAt() {
    return Instant.parse(updatedAt);
  }
}
