package io.bazaar.catalog.entity;

/**
 * Names of the analyzers and normalizers the product index uses. Both search backends define them
 * (see {@code io.bazaar.catalog.control.SearchAnalysis}), so the mapping is the same on Lucene and
 * OpenSearch.
 */
public final class SearchAnalyzers {

  /** Words of prose and names: folded to lower-case ASCII and stemmed, for indexing. */
  public static final String TEXT = "bazaar_text";

  /** {@link #TEXT} plus the shop's synonyms, applied to what shoppers type. */
  public static final String TEXT_QUERY = "bazaar_text_query";

  /** Every prefix of every word of a name, so that "sne" finds "Sneakers" as the shopper types. */
  public static final String AUTOCOMPLETE = "bazaar_autocomplete";

  /**
   * What the shopper has typed so far, folded like {@link #AUTOCOMPLETE} but not cut into grams.
   */
  public static final String AUTOCOMPLETE_QUERY = "bazaar_autocomplete_query";

  /** Case- and accent-insensitive keyword for sorting by name. */
  public static final String SORT = "bazaar_sort";

  private SearchAnalyzers() {}
}
