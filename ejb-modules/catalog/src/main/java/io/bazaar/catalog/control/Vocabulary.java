package io.bazaar.catalog.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words the catalog uses (names, brands, categories, attributes) with how often they occur, to
 * correct what shoppers mistype: "snekers" becomes "sneakers". Backend-neutral: the same
 * corrections on Lucene and OpenSearch.
 */
public final class Vocabulary {

  private final Map<String, Integer> frequencies;

  public Vocabulary(Map<String, Integer> frequencies) {
    this.frequencies = Map.copyOf(frequencies);
  }

  /** Lower-case ASCII words of a text, as both the vocabulary and the corrections see them. */
  public static List<String> words(String text) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return Arrays.stream(folded.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
  }

  public int size() {
    return frequencies.size();
  }

  /**
   * The text with every unknown word replaced by the closest known one, or empty when every word is
   * known or an unknown word has no close match. {@code tolerance} widens "close" for a last
   * attempt (the "did you mean" offer).
   */
  public Optional<String> correct(String text, int tolerance) {
    List<String> words = words(text);
    List<String> corrected = new ArrayList<>(words.size());
    boolean changed = false;
    for (String word : words) {
      if (isKnown(word)) {
        corrected.add(word);
        continue;
      }
      Optional<String> closest = closest(word, allowedEdits(word) + tolerance);
      if (closest.isEmpty()) {
        return Optional.empty();
      }
      corrected.add(closest.get());
      changed = true;
    }
    return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
  }

  private boolean isKnown(String word) {
    return frequencies.containsKey(word)
        || frequencies.containsKey(word + "s")
        || frequencies.containsKey(word + "es")
        || (word.endsWith("s") && frequencies.containsKey(word.substring(0, word.length() - 1)));
  }

  /** Short words have many neighbours; correcting them guesses more than it helps. */
  private static int allowedEdits(String word) {
    if (word.length() <= 3) {
      return 0;
    }
    return word.length() <= 5 ? 1 : 2;
  }

  private Optional<String> closest(String word, int maxEdits) {
    if (maxEdits == 0) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestFrequency = 0;
    for (Map.Entry<String, Integer> candidate : frequencies.entrySet()) {
      String known = candidate.getKey();
      if (Math.abs(known.length() - word.length()) > maxEdits) {
        continue;
      }
      int distance = distance(word, known, maxEdits);
      if (distance > maxEdits) {
        continue;
      }
      boolean better =
          distance < bestDistance
              || (distance == bestDistance && candidate.getValue() > bestFrequency)
              || (distance == bestDistance
                  && candidate.getValue() == bestFrequency
                  && known.compareTo(best) < 0);
      if (better) {
        best = known;
        bestDistance = distance;
        bestFrequency = candidate.getValue();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Optimal string alignment distance (Levenshtein plus transposition of neighbours: "sneakres"),
   * giving up early beyond {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMinimum = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
        rowMinimum = Math.min(rowMinimum, d[i][j]);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
