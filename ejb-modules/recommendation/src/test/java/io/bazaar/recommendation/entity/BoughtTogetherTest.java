package io.bazaar.recommendation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.recommendation.entity.BoughtTogether.Pair;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoughtTogetherTest {

  @Test
  void everyOrderedPairOfDistinctProductsOnceInOneOrder() {
    assertThat(BoughtTogether.pairsOf(List.of("tent", "lamp", "stove", "lamp")))
        .containsExactly(
            new Pair("lamp", "stove"),
            new Pair("lamp", "tent"),
            new Pair("stove", "lamp"),
            new Pair("stove", "tent"),
            new Pair("tent", "lamp"),
            new Pair("tent", "stove"));
  }

  @Test
  void aSingleProductOrderHasNoPairs() {
    assertThat(BoughtTogether.pairsOf(List.of("tent", "tent"))).isEmpty();
    assertThat(BoughtTogether.pairsOf(List.of())).isEmpty();
  }

  @Test
  void aBulkOrderCountsItsFirstProductsOnly() {
    List<String> products = IntStream.range(0, 50).mapToObj(i -> "p" + (100 + i)).toList();
    int counted = BoughtTogether.MAX_PRODUCTS_PER_ORDER;
    assertThat(BoughtTogether.pairsOf(products)).hasSize(counted * (counted - 1));
  }

  @Test
  void aProductIsNotBoughtWithItself() {
    assertThatThrownBy(() -> new Pair("tent", "tent")).isInstanceOf(IllegalArgumentException.class);
  }
}
