package io.bazaar.server;

import java.util.Locale;

/** Where the shop's product index lives. */
public enum SearchBackend {
  /** Embedded Lucene: one index per Payara member under its root directory (the default). */
  LUCENE,
  /**
   * An OpenSearch server the stack starts (see {@link OpenSearchServer}), shared by every member.
   */
  OPENSEARCH;

  /** {@code lucene} or {@code opensearch}, in any case. */
  public static SearchBackend parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The search backend must be lucene or opensearch: " + name, e);
    }
  }
}
