package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.cache.impl.HazelcastServerCacheManager;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryXmlConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caches on two real Hazelcast members configured by the grid configuration the shop ships
 * (server-config's hazelcast.xml), each reached through its member's JCache manager as Payara
 * provides it: the bounds per member, of the grid's entries and of the near copies, the copy each
 * member reads from its own heap, and evictions and expiry reaching the other member's copy.
 */
class GridCachesTest {

  /** The file the launcher renders for every member; the test renders it the same way. */
  private static final Path SHIPPED_GRID_CONFIGURATION =
      Path.of("../server-config/src/main/payara/hazelcast.xml");

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
  static void startTwoMembers() throws IOException {
    String cluster = "grid-caches-test-" + UUID.randomUUID();
    first = Hazelcast.newHazelcastInstance(shippedConfiguration(cluster));
    second = Hazelcast.newHazelcastInstance(shippedConfiguration(cluster));
    onFirst = cachesOn(first);
    onSecond = cachesOn(second);
    assertThat(first.getCluster().getMembers()).hasSize(2);
  }

  private static Config shippedConfiguration(String cluster) throws IOException {
    Properties variables = new Properties();
    variables.setProperty("BAZAAR_CLUSTER_NAME", cluster);
    variables.setProperty("BAZAAR_GRID_PORT", "16900");
    variables.setProperty("BAZAAR_GRID_MEMBERS", "127.0.0.1:16900,127.0.0.1:16901");
    variables.setProperty("BAZAAR_GRID_INTERFACE", "127.0.0.1");
    return new InMemoryXmlConfig(Files.readString(SHIPPED_GRID_CONFIGURATION), variables);
  }

  private static GridCaches cachesOn(HazelcastInstance member) {
    // A manager per member: the provider hands out one manager per address and class loader.
    CacheManager manager =
        Caching.getCachingProvider(HazelcastMemberCachingProvider.class.getName())
            .getCacheManager(
                URI.create("grid-caches-test:" + member.getName()),
                GridCachesTest.class.getClassLoader(),
                HazelcastCachingProvider.propertiesByInstanceItself(member));
    assertThat(manager.unwrap(HazelcastServerCacheManager.class).getHazelcastInstance())
        .isSameAs(member);
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
  void theProductDetailsKeepAbout50000PerMemberAndEvictTheRest() {
    // Hazelcast bounds each of its 271 partitions at its share of a member's bound, checked after
    // each put, so a member can hold a few more.
    assertEachMemberKeepsBetween("bazaar.catalog.product-detail-copies", 120_000, 40_000, 51_000);
  }

  @Test
  void anyOtherCacheOfTheShopKeepsAbout10000PerMember() {
    assertEachMemberKeepsBetween("bazaar.test.other", 30_000, 8_000, 10_000);
  }

  /** Fills the cache through the first member, then counts what each member holds of it. */
  private static void assertEachMemberKeepsBetween(String name, int filled, long least, long most) {
    fill(onFirst.named(name, Duration.ofHours(1)), filled);

    assertThat(ownedOn(first, name)).as("on the first member").isBetween(least, most);
    assertThat(ownedOn(second, name)).as("on the second member").isBetween(least, most);
  }

  @Test
  void aMemberKeepsAtMost10000NearCopies() {
    String name = "bazaar.catalog.product-detail-copies-near-bound";
    GridCaches.GridCache<String> onOne = onFirst.named(name, Duration.ofHours(1));
    GridCaches.GridCache<String> onOther = onSecond.named(name, Duration.ofHours(1));
    // Within what the grid keeps (10,000 per member), so nearly all are read from the grid.
    fill(onOne, 15_000);

    fill(onOther, 15_000);

    // The bound Hazelcast 5.3 drops when a map's configuration is added at run time: then all
    // 15,000 or so stay.
    assertThat(nearCopiesOn(second, name)).isBetween(5_000L, 10_000L);
  }

  @Test
  void aCacheTheGridsConfigurationDoesNotNameIsStillBounded() {
    GridCaches.GridCache<String> cache = onFirst.named("unnamed", Duration.ofHours(1));

    fill(cache, 30_000);

    assertThat(ownedOn(first, "unnamed") + ownedOn(second, "unnamed")).isBetween(16_000L, 20_000L);
  }

  @Test
  void aMemberReadsAnEntryAgainFromItsOwnHeap() throws InterruptedException {
    GridCaches.GridCache<StringBuilder> onOne =
        onFirst.named("bazaar.test.near", Duration.ofHours(1));
    GridCaches.GridCache<StringBuilder> onOther =
        onSecond.named("bazaar.test.near", Duration.ofHours(1));
    onOne.get("key", () -> new StringBuilder("value"));

    StringBuilder read = onOther.get("key", () -> new StringBuilder("not loaded"));

    assertThat(read).hasToString("value");
    // The grid holds the entry serialized and returns a new copy on every read.
    assertThat(within(Duration.ofSeconds(1), () -> readFromItsOwnHeap(onOther, "key")))
        .as("the same object read again, not a copy from the grid")
        .isTrue();
  }

  @Test
  void anEvictionOnOneMemberReachesTheOthersCopyWithinASecond() throws InterruptedException {
    NearOnBoth cache = keepNearOnBoth("bazaar.test.evicted", Duration.ofHours(1), 20);
    GridCaches.GridCache<StringBuilder> onOne = cache.onOne();
    GridCaches.GridCache<StringBuilder> onOther = cache.onOther();

    for (int key = 0; key < 20; key++) {
      onOne.evictAfterCommit("key " + key);
    }

    assertThat(within(Duration.ofSeconds(1), () -> nothingShownBy(onOther, 20)))
        .as("the other member dropped all 20 copies")
        .isTrue();
    assertThat(onOne.get("key 3", () -> new StringBuilder("new 3"))).hasToString("new 3");
    // The other member read the key as missing a moment ago, and shows that until the new value's
    // invalidation reaches it.
    assertThat(within(Duration.ofSeconds(1), () -> shows(onOther, "key 3", "new 3"))).isTrue();
  }

  @Test
  void anEntryPastItsTimeToLiveIsShownByNoMember() throws InterruptedException {
    NearOnBoth cache = keepNearOnBoth("bazaar.test.expiring", Duration.ofSeconds(3), 20);

    Thread.sleep(3_100);

    assertThat(nothingShownBy(cache.onOther(), 20))
        .as("the other member shows none of the 20")
        .isTrue();
    assertThat(nothingShownBy(cache.onOne(), 20)).as("the writer's member shows none").isTrue();
  }

  /** One cache as each of the two members reaches it. */
  private record NearOnBoth(
      GridCaches.GridCache<StringBuilder> onOne, GridCaches.GridCache<StringBuilder> onOther) {}

  /**
   * Opens the cache on both members, puts the keys through one member and reads them on the other
   * until it reads them from its own heap: a read right after the put can keep a copy that the
   * put's invalidation, arriving a moment later, drops again.
   */
  private static NearOnBoth keepNearOnBoth(String name, Duration timeToLive, int keys)
      throws InterruptedException {
    GridCaches.GridCache<StringBuilder> onOne = onFirst.named(name, timeToLive);
    GridCaches.GridCache<StringBuilder> onOther = onSecond.named(name, timeToLive);
    for (int key = 0; key < keys; key++) {
      String value = "old " + key;
      onOne.get("key " + key, () -> new StringBuilder(value));
    }
    for (int key = 0; key < keys; key++) {
      String cached = "key " + key;
      assertThat(onOther.get(cached, () -> new StringBuilder("not loaded")))
          .hasToString("old " + key);
      assertThat(within(Duration.ofSeconds(1), () -> readFromItsOwnHeap(onOther, cached)))
          .as("kept near")
          .isTrue();
    }
    return new NearOnBoth(onOne, onOther);
  }

  private static boolean shows(
      GridCaches.GridCache<StringBuilder> cache, String key, String value) {
    StringBuilder shown = cache.get(key, () -> null);
    return shown != null && shown.toString().equals(value);
  }

  private static boolean readFromItsOwnHeap(GridCaches.GridCache<StringBuilder> cache, String key) {
    return cache.get(key, () -> null) == cache.get(key, () -> null);
  }

  private static boolean nothingShownBy(GridCaches.GridCache<StringBuilder> cache, int keys) {
    for (int key = 0; key < keys; key++) {
      if (cache.get("key " + key, () -> null) != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
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

  private static long nearCopiesOn(HazelcastInstance member, String name) {
    return member.getMap(name).getLocalMapStats().getNearCacheStats().getOwnedEntryCount();
  }
}
