package io.bazaar.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

  private final SearchTerms terms =
      new SearchTerms(
          List.of(
              "skillet, frying pan, fry pan",
              "hoodie, hooded sweatshirt",
              "t shirt, tee, tshirt",
              "cast iron frying pan => skillet"));

  @Test
  void keepsAMultiWordEntryTogether() {
    assertThat(terms.of("Black FRYING pan")).containsExactly("black", "frying pan");
  }

  @Test
  void takesTheLongestEntryStartingAtAWord() {
    assertThat(terms.of("cast iron frying pan")).containsExactly("cast iron frying pan");
    assertThat(terms.of("iron frying pan")).containsExactly("iron", "frying pan");
  }

  @Test
  void leavesOtherWordsAlone() {
    assertThat(terms.of("pan frying")).containsExactly("pan", "frying");
    assertThat(terms.of("skillet")).containsExactly("skillet");
    assertThat(terms.of("  ")).isEmpty();
  }

  @Test
  void seesEntriesThroughPunctuationAndCase() {
    assertThat(terms.of("T-Shirt, navy")).containsExactly("t shirt", "navy");
    assertThat(terms.of("hooded-sweatshirt")).containsExactly("hooded sweatshirt");
  }

  @Test
  void readsTheShopsSynonymsFile() {
    assertThat(SearchTerms.ofSynonymsFile().of("frying pan")).containsExactly("frying pan");
  }
}
