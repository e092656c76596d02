package io.bazaar.review.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.review.control.DemoReviewWriter.DemoReview;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoReviewWriterTest {

  private final DemoReviewWriter writer = new DemoReviewWriter(2026);

  @Test
  void writesTheSameReviewsForTheSameSeed() {
    assertThat(new DemoReviewWriter(2026).reviewsOf("tent-42", "Ridge Tent"))
        .isEqualTo(writer.reviewsOf("tent-42", "Ridge Tent"));
  }

  @Test
  void reviewsAboutTwoProductsInFiveWithFewReviewsForMostAndManyForSome() {
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      counts.add(writer.reviewsOf("product-" + i, "Product " + i).size());
    }
    long reviewed = counts.stream().filter(count -> count > 0).count();
    assertThat(reviewed).isBetween(700L, 900L);
    assertThat(counts.stream().filter(count -> count > 0 && count <= 4).count())
        .isGreaterThan(reviewed / 2);
    assertThat(counts.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThanOrEqualTo(12)
        .isLessThanOrEqualTo(DemoReviewWriter.MAX_REVIEWS);
  }

  @Test
  void eachAuthorReviewsAProductOnceAndTheWordsFitTheStars() {
    for (int i = 0; i < 500; i++) {
      List<DemoReview> reviews = writer.reviewsOf("product-" + i, "Lamp " + i);
      Set<String> authors = new HashSet<>();
      for (DemoReview review : reviews) {
        assertThat(authors.add(review.authorId()))
            .as("author %s twice", review.authorId())
            .isTrue();
        assertThat(review.authorName()).matches("[A-Z][a-z]+ [A-Z]\\.");
        assertThat(review.draft().text()).contains("Lamp " + i);
        assertThat(review.daysAgo()).isBetween(1, 400);
        if (review.draft().rating() == 5) {
          assertThat(review.draft().title()).isNotIn("Disappointed", "Not great", "Average");
        }
      }
    }
  }

  @Test
  void someProductsAreLovedAndSomeDisappoint() {
    List<Double> averages = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      List<DemoReview> reviews = writer.reviewsOf("product-" + i, "Product " + i);
      if (reviews.size() >= 3) {
        averages.add(reviews.stream().mapToInt(r -> r.draft().rating()).average().orElseThrow());
      }
    }
    assertThat(averages).anyMatch(average -> average >= 4.5).anyMatch(average -> average < 3);
  }
}
