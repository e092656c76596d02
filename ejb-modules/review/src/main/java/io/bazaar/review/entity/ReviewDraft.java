package io.bazaar.review.entity;

/**
 * What a customer writes: stars, a title and a text. Valid on construction; the text is kept
 * exactly as written (apart from surrounding white space) and escaped only where it is shown.
 */
public record ReviewDraft(int rating, String title, String text) {

  public static final int MAX_TITLE_LENGTH = 120;
  public static final int MAX_TEXT_LENGTH = 5000;

  public ReviewDraft {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be 1 to 5 stars");
    }
    title = required("title", title, MAX_TITLE_LENGTH);
    text = required("text", text, MAX_TEXT_LENGTH);
  }

  private static String required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the review's " + field + " must not be empty");
    }
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > maxLength) {
      throw new IllegalArgumentException(
          "the review's " + field + " is longer than " + maxLength + " characters");
    }
    return stripped;
  }
}
