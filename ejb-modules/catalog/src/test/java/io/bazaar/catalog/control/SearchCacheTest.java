package io.bazaar.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.catalog.boundary.SearchViews.SearchResult;
import io.bazaar.persistence.Page;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchCacheTest {

  @Test
  void keepsCountsByFacetAndFilters() {
    SearchCache.Generation generation =
        new SearchCache.Generation(List.of("state"), 10, 10, new HashMap<>());
    generation.keep("brand", List.of("shoes"), Map.of("acme", 3L));

    assertThat(generation.<String>counts("brand", List.of("shoes"))).contains(Map.of("acme", 3L));
    assertThat(generation.counts("brand", List.of("hats"))).isEmpty();
    assertThat(generation.counts("colour", List.of("shoes"))).isEmpty();
  }

  @Test
  void keepsTheOrderOfTheValuesAndSharesEqualValues() {
    Map<Object, Object> shared = new HashMap<>();
    SearchCache.Generation generation =
        new SearchCache.Generation(List.of("state"), 10, 10, shared);
    Map<String, Long> byCount = new LinkedHashMap<>();
    byCount.put(new String("red"), 9L);
    byCount.put(new String("blue"), 4L);
    byCount.put(new String("green"), 1L);
    generation.keep("colour", "shoes", byCount);
    generation.keep("colour", "hats", Map.of(new String("red"), 2L));

    Map<String, Long> kept = generation.<String>counts("colour", "shoes").orElseThrow();
    assertThat(kept)
        .containsExactly(Map.entry("red", 9L), Map.entry("blue", 4L), Map.entry("green", 1L));
    String redOfShoes = kept.keySet().iterator().next();
    String redOfHats =
        generation.<String>counts("colour", "hats").orElseThrow().keySet().iterator().next();
    assertThat(redOfHats).isSameAs(redOfShoes);
  }

  @Test
  void dropsTheLeastRecentlyUsedCountsBeyondItsBound() {
    SearchCache.Generation generation =
        new SearchCache.Generation(List.of("state"), 2, 10, new HashMap<>());
    generation.keep("brand", "first", Map.of());
    generation.keep("brand", "second", Map.of());
    assertThat(generation.counts("brand", "first")).isPresent();

    generation.keep("brand", "third", Map.of());

    assertThat(generation.counts("brand", "second")).as("least recently used").isEmpty();
    assertThat(generation.counts("brand", "first")).isPresent();
    assertThat(generation.counts("brand", "third")).isPresent();
  }

  @Test
  void keepsWholeResultsBySearchWithinTheirOwnBound() {
    SearchCache.Generation generation =
        new SearchCache.Generation(List.of("state"), 10, 2, new HashMap<>());
    SearchResult sneakers = result("sneakers");
    generation.keepResult("sneakers", sneakers);
    generation.keepResult("boots", result("boots"));
    assertThat(generation.result("sneakers")).containsSame(sneakers);

    generation.keepResult("hats", result("hats"));

    assertThat(generation.result("boots")).as("least recently used").isEmpty();
    assertThat(generation.result("sneakers")).containsSame(sneakers);
    assertThat(generation.result("hats")).isPresent();
    assertThat(generation.counts("brand", "sneakers")).as("counts are kept apart").isEmpty();
  }

  private static SearchResult result(String words) {
    return new SearchResult(words, null, null, new Page<>(List.of(), 0, 24, 0), Map.of());
  }
}
