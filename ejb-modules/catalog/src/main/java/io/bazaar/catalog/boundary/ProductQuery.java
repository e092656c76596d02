package io.bazaar.catalog.boundary;

import io.bazaar.persistence.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shopper's search: words, facet selections (several values of one facet mean "any of them"),
 * sort order and page. The constructor refuses what no honest client sends, with a message the
 * shopper can act on.
 */
public record ProductQuery(
    String text,
    Set<String> categories,
    Set<String> brands,
    List<PriceRange> prices,
    Set<String> colours,
    Set<String> sizes,
    Integer minimumRating,
    boolean inStockOnly,
    Sort sort,
    int page,
    int size) {

  public static final int MAX_TEXT = 200;
  public static final int MAX_VALUES_PER_FACET = 50;

  /** The deepest result a query may page to; deeper paging costs the index more than it helps. */
  public static final int MAX_RESULT_WINDOW = 10_000;

  public enum Sort {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST,
    RATING;

    public static Sort parse(String value) {
      if (value == null || value.isBlank()) {
        return RELEVANCE;
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(
            "sort must be one of relevance, price-asc, price-desc, newest, rating");
      }
    }
  }

  /** Prices from {@code min} (inclusive) to {@code max} (exclusive); either may be open. */
  public record PriceRange(BigDecimal min, BigDecimal max) {

    private static final Pattern FORMAT =
        Pattern.compile("(\\d{1,9}(?:\\.\\d{1,2})?)?-(\\d{1,9}(?:\\.\\d{1,2})?)?");

    public PriceRange {
      if (min == null && max == null) {
        throw new IllegalArgumentException("a price range needs a lower or an upper bound");
      }
      if (min != null && max != null && min.compareTo(max) >= 0) {
        throw new IllegalArgumentException("a price range's lower bound must be below its upper");
      }
    }

    /** Parses "25-50", "500-" or "-25". */
    public static PriceRange parse(String value) {
      Matcher matcher = FORMAT.matcher(value == null ? "" : value.strip());
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "price must look like 25-50, 500- or -25 (amounts with at most 2 decimals)");
      }
      return new PriceRange(
          matcher.group(1) == null ? null : new BigDecimal(matcher.group(1)),
          matcher.group(2) == null ? null : new BigDecimal(matcher.group(2)));
    }

    /** The same notation {@link #parse} reads: what a facet value sends back. */
    public String value() {
      return (min == null ? "" : min.toPlainString())
          + "-"
          + (max == null ? "" : max.toPlainString());
    }
  }

  public ProductQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a search is at most " + MAX_TEXT + " characters");
    }
    categories = limited("category", categories);
    brands = limited("brand", brands);
    colours = limited("colour", colours);
    sizes = limited("variantSize", sizes);
    prices = prices == null ? List.of() : List.copyOf(prices);
    if (prices.size() > MAX_VALUES_PER_FACET) {
      throw new IllegalArgumentException("at most " + MAX_VALUES_PER_FACET + " price ranges");
    }
    if (minimumRating != null && (minimumRating < 1 || minimumRating > 5)) {
      throw new IllegalArgumentException("rating must be between 1 and 5 stars");
    }
    sort = sort == null ? Sort.RELEVANCE : sort;
    Page.requireValid(page, size);
    if ((long) (page + 1) * size > MAX_RESULT_WINDOW) {
      throw new IllegalArgumentException(
          "results beyond the first "
              + MAX_RESULT_WINDOW
              + " cannot be paged to; narrow the search");
    }
  }

  private static Set<String> limited(String facet, Set<String> values) {
    if (values == null) {
      return Set.of();
    }
    if (values.size() > MAX_VALUES_PER_FACET) {
      throw new IllegalArgumentException(
          "at most " + MAX_VALUES_PER_FACET + " values of " + facet + " at once");
    }
    if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 120)) {
      throw new IllegalArgumentException(facet + " values are 1-120 characters");
    }
    return Set.copyOf(values);
  }

  /** The same search with other words (a correction), everything else kept. */
  public ProductQuery withText(String otherText) {
    return new ProductQuery(
        otherText,
        categories,
        brands,
        prices,
        colours,
        sizes,
        minimumRating,
        inStockOnly,
        sort,
        page,
        size);
  }

  public boolean hasText() {
    return !text.isEmpty();
  }
}
