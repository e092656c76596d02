package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caches' bound on a real Hazelcast member, the grid Payara's JCache runs on: JCache itself
 * cannot express a bound, so only the grid shows whether the one GridCaches asks for is applied.
 */
class GridCachesTest {

  private static HazelcastInstance member;
  private static CacheManager manager;
  private static GridCaches grid;

  @BeforeAll
  static void startAloneMember() {
    Config config = new Config().setClusterName("grid-caches-test-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    member = Hazelcast.newHazelcastInstance(config);
    manager =
        Caching.getCachingProvider(HazelcastMemberCachingProvider.class.getName())
            .getCacheManager(
                null, null, HazelcastCachingProvider.propertiesByInstanceItself(member));
    grid = new GridCaches();
    grid.caches = manager;
  }

  @AfterAll
  static void stopMember() {
    manager.close();
    member.shutdown();
  }

  @Test
  void aBoundedCacheKeepsAboutItsBoundAndEvictsTheRest() {
    GridCaches.GridCache<String> cache = grid.named("bounded", Duration.ofHours(1), 2_000);

    fill(cache, 12_000);

    // Hazelcast bounds each of its 271 partitions at the bound's share plus a margin for uneven
    // spread (five standard deviations for small bounds): up to about 5,700 for 2,000.
    assertThat(entries("bounded")).isBetween(1_000L, 6_000L);
  }

  @Test
  void withoutABoundTheCacheHasTheGridsDefault() {
    GridCaches.GridCache<String> cache = grid.named("default", Duration.ofHours(1));

    fill(cache, 12_000);

    // Hazelcast's default of 10,000, with its margin per partition, keeps nearly all 12,000.
    assertThat(entries("default")).isGreaterThan(10_000L);
  }

  @Test
  void aCacheAlreadyThereIsUsedAsItIs() {
    grid.named("shared", Duration.ofHours(1), 2_000).get("key", () -> "first");

    GridCaches.GridCache<String> again = grid.named("shared", Duration.ofHours(1), 50_000);

    assertThat(again.get("key", () -> "second")).isEqualTo("first");
    fill(again, 12_000);
    assertThat(entries("shared")).as("the creator's bound").isBetween(1_000L, 6_000L);
  }

  private static void fill(GridCaches.GridCache<String> cache, int keys) {
    for (int i = 0; i < keys; i++) {
      String value = "value " + i;
      assertThat(cache.get("key " + i, () -> value)).isEqualTo(value);
    }
  }

  private static long entries(String name) {
    return StreamSupport.stream(manager.<String, String>getCache(name).spliterator(), false)
        .count();
  }
}
