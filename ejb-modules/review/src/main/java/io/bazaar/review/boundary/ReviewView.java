package io.bazaar.review.boundary;

import io.bazaar.review.entity.Review;
import java.time.Instant;

/**
 * A review as the API shows it. The title and text are as the author wrote them: a page must escape
 * them, the JSON encoding does so for JSON.
 */
public record ReviewView(
    String id,
    String product,
    String author,
    int rating,
    String title,
    String text,
    boolean verifiedPurchase,
    String status,
    String moderationReason,
    long helpfulVotes,
    Instant createdAt,
    Instant updatedAt) {

  static ReviewView of(Review review) {
    return new ReviewView(
        review.id(),
        review.productSlug(),
        review.authorName(),
        review.rating(),
        review.title(),
        review.text(),
        review.verifiedPurchase(),
        review.status().name(),
        review.moderationReason(),
        review.helpfulVotes(),
        review.createdAt(),
        review.updatedAt());
  }
}
