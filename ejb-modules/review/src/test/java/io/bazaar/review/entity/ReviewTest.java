package io.bazaar.review.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:15:30Z");

  private static Review published() {
    return Review.write(
        "trail-runner",
        "42",
        "Grace",
        new ReviewDraft(4, "Good", "Light and fast."),
        true,
        ScreeningVerdict.publishNow(),
        NOW);
  }

  @Test
  void oneReviewPerCustomerAndProductByItsId() {
    Review review = published();
    assertThat(review.id())
        .isEqualTo("trail-runner:42")
        .isEqualTo(Review.idOf("trail-runner", "42"));
    assertThat(review.status()).isEqualTo(Review.Status.PUBLISHED);
    assertThat(review.createdAt()).isEqualTo(NOW);
  }

  @Test
  void anEditGoesThroughScreeningAgain() {
    Review review = published();
    review.revise(
        "Grace",
        new ReviewDraft(1, "Broke", "See www.example.com"),
        true,
        ScreeningVerdict.hold("contains a link"),
        NOW.plusSeconds(60));
    assertThat(review.status()).isEqualTo(Review.Status.PENDING);
    assertThat(review.moderationReason()).isEqualTo("contains a link");
    assertThat(review.rating()).isEqualTo(1);
    assertThat(review.createdAt()).isEqualTo(NOW);
    assertThat(review.updatedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aRejectionNeedsAReasonAndPublishingClearsIt() {
    Review review = published();
    assertThatThrownBy(() -> review.reject(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> review.reject("x".repeat(501), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    review.reject("Off topic", NOW);
    assertThat(review.status()).isEqualTo(Review.Status.REJECTED);
    assertThat(review.moderationReason()).isEqualTo("Off topic");
    review.publish(NOW);
    assertThat(review.status()).isEqualTo(Review.Status.PUBLISHED);
    assertThat(review.moderationReason()).isNull();
  }

  @Test
  void onlyOthersVoteAndOnlyForPublishedReviews() {
    Review review = published();
    assertThatThrownBy(() -> review.requireVotableBy("42"))
        .isInstanceOf(IllegalStateException.class);
    review.requireVotableBy("7");
    review.reject("Spam", NOW);
    assertThatThrownBy(() -> review.requireVotableBy("7"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timesAreStoredSoThatTheirStringOrderIsTheirOrderInTime() {
    Instant whole = Instant.parse("2026-12-02T10:15:30Z");
    Instant later = Instant.parse("2026-12-02T10:15:30.000001Z");
    assertThat(Review.stamp(whole)).isLessThan(Review.stamp(later));
    assertThat(Instant.parse(Review.stamp(later))).isEqualTo(later);
  }

  @Test
  void aDraftNeedsOneToFiveStarsATitleAndAText() {
    assertThatThrownBy(() -> new ReviewDraft(0, "t", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewDraft(6, "t", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewDraft(3, "", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewDraft(3, "t", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewDraft(3, "t", "x".repeat(5001)))
        .isInstanceOf(IllegalArgumentException.class);
    ReviewDraft draft = new ReviewDraft(3, "  Fine  ", "<b>ok</b>\n");
    assertThat(draft.title()).isEqualTo("Fine");
    assertThat(draft.text()).isEqualTo("<b>ok</b>");
    assertThat(new ReviewDraft(5, "t", "é".repeat(5000)).text()).hasSize(5000);
  }
}
