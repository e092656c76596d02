package io.bazaar.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How many published reviews gave a product one, two, three, four and five stars. The count and the
 * average are derived from it, so they can never disagree with it.
 */
@Embeddable
public class RatingDistribution {

  public static final int MAX_STARS = 5;

  @Column(name = "rating_1_star", nullable = false)
  private int oneStar;

  @Column(name = "rating_2_stars", nullable = false)
  private int twoStars;

  @Column(name = "rating_3_stars", nullable = false)
  private int threeStars;

  @Column(name = "rating_4_stars", nullable = false)
  private int fourStars;

  @Column(name = "rating_5_stars", nullable = false)
  private int fiveStars;

  protected RatingDistribution() {}

  /**
   * @param reviewsByStars five counts: reviews with one star first, five stars last
   */
  public static RatingDistribution of(List<Integer> reviewsByStars) {
    if (reviewsByStars == null || reviewsByStars.size() != MAX_STARS) {
      throw new IllegalArgumentException("a rating distribution has five counts, 1 to 5 stars");
    }
    if (reviewsByStars.stream().anyMatch(count -> count == null || count < 0)) {
      throw new IllegalArgumentException("review counts cannot be negative");
    }
    RatingDistribution distribution = new RatingDistribution();
    distribution.oneStar = reviewsByStars.get(0);
    distribution.twoStars = reviewsByStars.get(1);
    distribution.threeStars = reviewsByStars.get(2);
    distribution.fourStars = reviewsByStars.get(3);
    distribution.fiveStars = reviewsByStars.get(4);
    return distribution;
  }

  public static RatingDistribution none() {
    return new RatingDistribution();
  }

  /** Reviews by stars, one star first. */
  public List<Integer> reviewsByStars() {
    return List.of(oneStar, twoStars, threeStars, fourStars, fiveStars);
  }

  public int count() {
    return oneStar + twoStars + threeStars + fourStars + fiveStars;
  }

  /** The mean number of stars, rounded half up to two decimals; null without reviews. */
  public BigDecimal average() {
    int count = count();
    if (count == 0) {
      return null;
    }
    long stars = oneStar + 2L * twoStars + 3L * threeStars + 4L * fourStars + 5L * fiveStars;
    return BigDecimal.valueOf(stars).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }
}
