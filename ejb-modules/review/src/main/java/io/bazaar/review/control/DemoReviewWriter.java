package io.bazaar.review.control;

import io.bazaar.review.entity.ReviewDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes believable reviews for a generated demo catalog, the same ones on every run for the same
 * seed: about two products in five have reviews, most of them a few, some many; each product has a
 * quality of its own, so some are loved and some disappoint; and each review's words fit its stars.
 */
public final class DemoReviewWriter {

  /** One review: who wrote it, what, and how many days before the catalog was loaded. */
  public record DemoReview(String authorId, String authorName, ReviewDraft draft, int daysAgo) {}

  static final int REVIEWED_PERCENT = 40;
  static final int MAX_REVIEWS = 30;

  private static final String[] FIRST_NAMES = {
    "Maria", "James", "Aisha", "Tom", "Sofia", "Daniel", "Priya", "Lukas", "Emma", "Kenji",
        "Olivia",
    "Mateo", "Hannah", "Noah", "Fatima", "Leo", "Chloe", "Omar", "Ingrid", "Samuel", "Mei", "Jonas",
    "Grace", "Ravi", "Elena", "Felix", "Amara", "Oscar", "Nina", "Hugo", "Zoe", "Ali", "Clara",
    "Pablo", "Lena", "Ethan", "Yuki", "Marco", "Ava", "Tariq"
  };
  private static final String INITIALS = "ABCDEFGHJKLMNPRSTW";

  private static final String[][] TITLES = {
    {"Disappointed", "Would not buy again", "Not as described", "Broke within weeks"},
    {"Not great", "Expected more", "Does the job, barely", "Mixed feelings"},
    {"It's okay", "Average", "Fine for the price", "Some good, some bad"},
    {"Very good", "Happy with it", "Solid choice", "Good value"},
    {"Excellent", "Exactly what I hoped for", "Love it", "Best purchase this year"}
  };

  private static final String[][] OPENINGS = {
    {
      "I really wanted to like the %s, but it let me down.",
      "The %s arrived looking fine and did not last.",
      "Sadly the %s is not what the pictures suggest."
    },
    {
      "The %s works, but not well enough for me.",
      "I had higher hopes for the %s.",
      "There are things to like about the %s, just not many."
    },
    {
      "The %s is decent without being special.",
      "For everyday use the %s is fine.",
      "The %s does what it says, nothing more."
    },
    {
      "I have used the %s for a few weeks now and I am pleased.",
      "The %s is well made and feels sturdy.",
      "Good quality overall; the %s was a sensible buy."
    },
    {
      "The %s is excellent in every way that matters to me.",
      "I use the %s every day and it still feels new.",
      "The %s exceeded what I expected for the price."
    }
  };

  private static final String[][] DETAILS = {
    {
      "The finish wore off quickly and support was slow to answer.",
      "It felt flimsy from day one.",
      "I am returning it."
    },
    {
      "The instructions were unclear and one part did not fit well.",
      "It is smaller than I thought.",
      "Maybe fine for occasional use."
    },
    {
      "Delivery was quick. The colour is a little different from the photo.",
      "Nothing to complain about, nothing to rave about.",
      "You get what you pay for."
    },
    {
      "Delivery was quick and it was well packed.",
      "One small quibble with the size, otherwise great.",
      "I would recommend it to friends."
    },
    {
      "Beautifully made, and it arrived a day early.",
      "I have already ordered a second one as a gift.",
      "Worth every cent."
    }
  };

  private final long seed;

  public DemoReviewWriter(long seed) {
    this.seed = seed;
  }

  /** The reviews of one product, in the order they were written; usually none. */
  public List<DemoReview> reviewsOf(String productSlug, String productName) {
    Random random = new Random(seed * 1_000_003L + productSlug.hashCode());
    if (random.nextInt(100) >= REVIEWED_PERCENT) {
      return List.of();
    }
    // Few reviews for most products, many for a few (exponential, mean about 4).
    int count =
        Math.min(MAX_REVIEWS, 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3.5));
    double quality = 2.4 + random.nextDouble() * 2.5;
    int firstAuthor = random.nextInt(FIRST_NAMES.length * INITIALS.length());
    int authorStep = 1 + random.nextInt(7);
    List<DemoReview> reviews = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int stars = (int) Math.max(1, Math.min(5, Math.round(quality + random.nextGaussian() * 0.9)));
      int author = (firstAuthor + i * authorStep) % (FIRST_NAMES.length * INITIALS.length());
      String title = pick(random, TITLES[stars - 1]);
      String text =
          String.format(pick(random, OPENINGS[stars - 1]), productName)
              + " "
              + pick(random, DETAILS[stars - 1]);
      reviews.add(
          new DemoReview(
              String.format("demo-reviewer-%03d", author),
              FIRST_NAMES[author % FIRST_NAMES.length]
                  + " "
                  + INITIALS.charAt(author / FIRST_NAMES.length)
                  + ".",
              new ReviewDraft(stars, title, text),
              1 + random.nextInt(400)));
    }
    return reviews;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
