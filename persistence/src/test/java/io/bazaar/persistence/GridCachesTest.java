package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caches on two real Hazelcast members, the grid Payara runs on, each reached through its
 * member's JCache manager as Payara provides it: the bound, the copy each member keeps near, and
 * that an eviction on one member reaches the other's copy.
 */
class GridCachesTest {

  private static final TransactionSynchronizationRegistry NO_TRANSACTION =
      (TransactionSynchronizationRegistry)
          Proxy.newProxyInstance(
              GridCachesTest.class.getClassLoader(),
              new Class<?>[] {TransactionSynchronizationRegistry.class},
              (proxy, method, arguments) ->
                  method.getName().equals("getTransactionStatus")
                      ? Status.STATUS_NO_TRANSACTION
                      : null);

  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private static GridCaches onFirst;
  private static GridCaches onSecond;

  @BeforeAll
  static void startTwoMembers() {
    String cluster = "grid-caches-test-" + UUID.randomUUID();
    first = Hazelcast.newHazelcastInstance(memberOf(cluster));
    second = Hazelcast.newHazelcastInstance(memberOf(cluster));
    onFirst = cachesOn(first);
    onSecond = cachesOn(second);
    assertThat(first.getCluster().getMembers()).hasSize(2);
  }

  /** As server-config's hazelcast.xml configures a member. */
  private static Config memberOf(String cluster) {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setPort(16900).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config
        .getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setEnabled(true)
        .setMembers(List.of("127.0.0.1:16900", "127.0.0.1:16901"));
    return config;
  }

  private static GridCaches cachesOn(HazelcastInstance member) {
    CacheManager manager =
        Caching.getCachingProvider(HazelcastMemberCachingProvider.class.getName())
            .getCacheManager(
                null, null, HazelcastCachingProvider.propertiesByInstanceItself(member));
    GridCaches caches = new GridCaches();
    caches.caches = manager;
    caches.transactions = NO_TRANSACTION;
    return caches;
  }

  @AfterAll
  static void stopMembers() {
    second.shutdown();
    first.shutdown();
  }

  @Test
  void aBoundedCacheKeepsAboutItsBoundPerMemberAndEvictsTheRest() {
    GridCaches.GridCache<String> cache = onFirst.named("bounded", Duration.ofHours(1), 2_000);

    fill(cache, 12_000);

    // Hazelcast bounds each of its 271 partitions at its share of the bound.
    assertThat(ownedOn(first, "bounded")).isBetween(500L, 2_000L);
    assertThat(ownedOn(second, "bounded")).isBetween(500L, 2_000L);
  }

  @Test
  void withoutABoundTheCacheKeepsAbout10000PerMember() {
    GridCaches.GridCache<String> cache = onFirst.named("default", Duration.ofHours(1));

    fill(cache, 12_000);

    assertThat(first.getMap("default").size()).as("both members' 6,000 or so").isEqualTo(12_000);
  }

  @Test
  void aCacheAlreadyThereIsUsedAsItIs() {
    onFirst.named("shared", Duration.ofHours(1), 2_000).get("key", () -> "first");

    GridCaches.GridCache<String> again = onSecond.named("shared", Duration.ofHours(1), 50_000);

    assertThat(again.get("key", () -> "second")).isEqualTo("first");
    fill(again, 12_000);
    assertThat(ownedOn(second, "shared")).as("the creator's bound").isBetween(500L, 2_000L);
  }

  @Test
  void aMemberReadsAnEntryAgainFromItsOwnHeap() {
    GridCaches.GridCache<StringBuilder> onOne = onFirst.named("near", Duration.ofHours(1), 100);
    GridCaches.GridCache<StringBuilder> onOther = onSecond.named("near", Duration.ofHours(1), 100);
    onOne.get("key", () -> new StringBuilder("value"));

    StringBuilder read = onOther.get("key", () -> new StringBuilder("not loaded"));
    StringBuilder readAgain = onOther.get("key", () -> new StringBuilder("not loaded"));

    assertThat(read).hasToString("value");
    // The grid holds the entry serialized and would return a new copy on every read.
    assertThat(readAgain).as("the same object, not a copy from the grid").isSameAs(read);
  }

  @Test
  void anEvictionOnOneMemberReachesTheOthersCopyWithinASecond() throws InterruptedException {
    GridCaches.GridCache<StringBuilder> onOne = onFirst.named("evicted", Duration.ofHours(1), 100);
    GridCaches.GridCache<StringBuilder> onOther =
        onSecond.named("evicted", Duration.ofHours(1), 100);
    for (int key = 0; key < 20; key++) {
      String value = "old " + key;
      onOne.get("key " + key, () -> new StringBuilder(value));
      StringBuilder kept = onOther.get("key " + key, () -> new StringBuilder("not loaded"));
      assertThat(onOther.get("key " + key, () -> new StringBuilder("not loaded")))
          .as("kept near")
          .isSameAs(kept);
    }

    for (int key = 0; key < 20; key++) {
      onOne.evictAfterCommit("key " + key);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    int stale = 20;
    while (stale > 0 && System.nanoTime() < deadline) {
      stale = 0;
      for (int key = 0; key < 20; key++) {
        if (onOther.get("key " + key, () -> null) != null) {
          stale++;
        }
      }
      Thread.sleep(10);
    }

    assertThat(stale).as("entries the other member still shows").isZero();
    assertThat(onOne.get("key 3", () -> new StringBuilder("new 3"))).hasToString("new 3");
    assertThat(onOther.get("key 3", () -> new StringBuilder("not loaded"))).hasToString("new 3");
  }

  private static void fill(GridCaches.GridCache<String> cache, int keys) {
    for (int i = 0; i < keys; i++) {
      String value = "value " + i;
      assertThat(cache.get("key " + i, () -> value)).isEqualTo(value);
    }
  }

  private static long ownedOn(HazelcastInstance member, String name) {
    return member.getMap(name).getLocalMapStats().getOwnedEntryCount();
  }
}
