package io.bazaar.catalog.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits what a shopper typed into the terms a search requires: single words, except that the
 * multi-word entries of the synonyms file ("frying pan", "hooded sweatshirt") stay together. A term
 * is matched as a whole by the query analyzer, whose synonym filter then recognises "frying pan"
 * and also finds skillets; matched word by word, it would see "frying" and "pan" alone and expand
 * neither.
 */
public final class SearchTerms {

  private static final SearchTerms OF_SYNONYMS_FILE =
      new SearchTerms(SearchAnalysis.synonymRules());

  /** Each multi-word entry as its words. */
  private final Set<List<String>> phrases = new HashSet<>();

  private final int longestPhrase;

  /** From Solr-format synonym rules: {@code a, b c, d} or {@code a, b => c d}. */
  SearchTerms(List<String> synonymRules) {
    int longest = 1;
    for (String rule : synonymRules) {
      for (String entry : rule.split("=>|,")) {
        List<String> words = Vocabulary.words(entry);
        if (words.size() > 1) {
          phrases.add(words);
          longest = Math.max(longest, words.size());
        }
      }
    }
    this.longestPhrase = longest;
  }

  /** The terms of the shop's synonyms file ({@value SearchAnalysis#SYNONYMS}). */
  public static SearchTerms ofSynonymsFile() {
    return OF_SYNONYMS_FILE;
  }

  /**
   * The typed text's terms in order: at each word the longest multi-word entry starting there, else
   * the word alone. Words are lower-case ASCII as {@link Vocabulary#words} makes them.
   */
  public List<String> of(String text) {
    List<String> words = Vocabulary.words(text);
    List<String> terms = new ArrayList<>(words.size());
    int at = 0;
    while (at < words.size()) {
      int length = longestPhraseAt(words, at);
      terms.add(String.join(" ", words.subList(at, at + length)));
      at += length;
    }
    return terms;
  }

  private int longestPhraseAt(List<String> words, int at) {
    for (int length = Math.min(longestPhrase, words.size() - at); length > 1; length--) {
      if (phrases.contains(words.subList(at, at + length))) {
        return length;
      }
    }
    return 1;
  }
}
