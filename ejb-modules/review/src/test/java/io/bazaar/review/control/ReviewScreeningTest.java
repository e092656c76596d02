package io.bazaar.review.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.review.entity.ReviewDraft;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewScreeningTest {

  private final ReviewScreening screening =
      new ReviewScreening(false, Optional.of("scam, knock-off ,"));

  private boolean published(String text) {
    return screening.screen(new ReviewDraft(4, "Title", text)).publish();
  }

  @Test
  void publishesOrdinaryReviewsAtOnce() {
    assertThat(published("Comfortable from day one; size 42 fits. 5/5.")).isTrue();
    assertThat(published("Scampering about in them all day")).isTrue();
  }

  @Test
  void holdsLinksAddressesAndBlockedWords() {
    assertThat(screening.screen(new ReviewDraft(4, "t", "see https://x.example")).reason())
        .isEqualTo("contains a link");
    assertThat(published("order from cheapshoes.com instead")).isFalse();
    assertThat(published("www.example.org")).isFalse();
    assertThat(published("mail me at someone@example.org")).isFalse();
    assertThat(published("A total SCAM")).isFalse();
    assertThat(published("an obvious knock-off")).isFalse();
  }

  @Test
  void holdsEverythingWhenTheShopModeratesFirst() {
    ReviewScreening strict = new ReviewScreening(true, Optional.empty());
    assertThat(strict.screen(new ReviewDraft(5, "Great", "Great.")).publish()).isFalse();
  }
}
