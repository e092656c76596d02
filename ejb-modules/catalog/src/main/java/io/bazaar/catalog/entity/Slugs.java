package io.bazaar.catalog.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL names: lower-case ASCII letters, digits and single dashes. */
public final class Slugs {

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Slugs() {}

  public static String require(String slug) {
    if (slug == null || slug.length() > 160 || !VALID.matcher(slug).matches()) {
      throw new IllegalArgumentException("'" + slug + "' is not a valid slug");
    }
    return slug;
  }

  public static String of(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
  }
}
