package io.bazaar.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetCountCacheTest {

  @Test
  void keepsCountsByFacetAndFilters() {
    FacetCountCache.Generation generation = new FacetCountCache.Generation(List.of("state"), 10);
    generation.keep("brand", List.of("shoes"), Map.of("acme", 3L));

    assertThat(generation.<Map<String, Long>>counts("brand", List.of("shoes")))
        .contains(Map.of("acme", 3L));
    assertThat(generation.counts("brand", List.of("hats"))).isEmpty();
    assertThat(generation.counts("colour", List.of("shoes"))).isEmpty();
  }

  @Test
  void dropsTheLeastRecentlyUsedCountsBeyondItsBound() {
    FacetCountCache.Generation generation = new FacetCountCache.Generation(List.of("state"), 2);
    generation.keep("brand", "first", Map.of());
    generation.keep("brand", "second", Map.of());
    assertThat(generation.counts("brand", "first")).isPresent();

    generation.keep("brand", "third", Map.of());

    assertThat(generation.counts("brand", "second")).as("least recently used").isEmpty();
    assertThat(generation.counts("brand", "first")).isPresent();
    assertThat(generation.counts("brand", "third")).isPresent();
  }
}
