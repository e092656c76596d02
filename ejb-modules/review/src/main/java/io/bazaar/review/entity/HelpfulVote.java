package io.bazaar.review.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;

/**
 * One customer finding one review helpful. The id is made of both, so a second vote by the same
 * customer is the same document: it can be stored once only.
 */
@Entity("review_votes")
public class HelpfulVote {

  @Id private String id;

  @Column private String reviewId;

  @Column private String voterId;

  @Column private String castAt;

  public HelpfulVote() {
    // for JNoSQL
  }

  public static HelpfulVote cast(String reviewId, String voterId, Instant now) {
    HelpfulVote vote = new HelpfulVote();
    vote.id = idOf(reviewId, voterId);
    vote.reviewId = reviewId;
    vote.voterId = voterId;
    vote.castAt = now.toString();
    return vote;
  }

  public static String idOf(String reviewId, String voterId) {
    return reviewId + "/" + voterId;
  }
}
