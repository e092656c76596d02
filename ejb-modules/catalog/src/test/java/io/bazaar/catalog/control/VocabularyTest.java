package io.bazaar.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private final Vocabulary vocabulary =
      new Vocabulary(
          Map.of(
              "sneakers", 40,
              "speakers", 5,
              "trail", 12,
              "black", 30,
              "jacket", 9,
              "headphones", 7));

  @Test
  void correctsAMissingLetter() {
    assertThat(vocabulary.correct("snekers", 0)).contains("sneakers");
  }

  @Test
  void prefersTheMoreFrequentWordAtTheSameDistance() {
    // "sneakers" and "speakers" are both one edit from "speakers"-like typos; frequency decides.
    assertThat(vocabulary.correct("sdeakers", 0)).contains("sneakers");
  }

  @Test
  void correctsSwappedLettersAndKeepsKnownWords() {
    assertThat(vocabulary.correct("Black Jakcet", 0)).contains("black jacket");
  }

  @Test
  void leavesKnownWordsAndTheirPluralsAlone() {
    assertThat(vocabulary.correct("black sneaker", 0)).isEmpty();
    assertThat(vocabulary.correct("trails", 0)).isEmpty();
  }

  @Test
  void givesUpOnWordsFarFromEverything() {
    assertThat(vocabulary.correct("xylophone", 0)).isEmpty();
    assertThat(vocabulary.correct("snkrs", 0)).isEmpty();
  }

  @Test
  void aWiderToleranceOffersMore() {
    assertThat(vocabulary.correct("hedfones", 0)).isEmpty();
    assertThat(vocabulary.correct("hedfones", 2)).contains("headphones");
  }

  @Test
  void foldsCaseAndAccents() {
    assertThat(Vocabulary.words("Crème BRÛLÉE, 26-cm"))
        .containsExactly("creme", "brulee", "26", "cm");
  }
}
