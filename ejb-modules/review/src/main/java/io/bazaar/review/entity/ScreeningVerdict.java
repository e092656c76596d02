package io.bazaar.review.entity;

/** The automatic screening's decision on a review: publish it now, or hold it for a moderator. */
public record ScreeningVerdict(boolean publish, String reason) {

  public static ScreeningVerdict publishNow() {
    return new ScreeningVerdict(true, null);
  }

  public static ScreeningVerdict hold(String reason) {
    return new ScreeningVerdict(false, reason);
  }
}
