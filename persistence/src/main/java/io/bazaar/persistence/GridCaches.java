package io.bazaar.persistence;

import com.hazelcast.cache.impl.HazelcastServerCacheManager;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;

/**
 * Read caches on the members' data grid (Payara's Hazelcast): what one member computed, every
 * member reads, and an eviction on one member is an eviction on all. A cache holds copies of what a
 * database already holds, so losing it loses nothing; its entries expire after a time to live,
 * which bounds how stale a copy can get.
 *
 * <p>Each cache is a Hazelcast map with a near cache: every member keeps the entries it read as
 * objects in its own heap, and the grid tells every member to drop its copy when an entry is
 * removed or replaced. Reading a JCache entry on a member always went through the grid: a hop to
 * the partition's thread and a deserialization, 16% of a cached product page's CPU (async-profiler,
 * 2026-12-07). Hazelcast offers near caches for JCache only to its clients, not to members, hence
 * the map. The member's JCache {@link CacheManager}, which Payara provides, leads to the grid.
 *
 * <p>Writers evict after their transaction commits: evicting earlier would let a reader put the old
 * value back before the new one is visible. (A reader that loaded the old value before the commit
 * and puts it after the eviction still can; the time to live bounds that case.)
 */
@ApplicationScoped
public class GridCaches {

  private static final Logger LOG = Logger.getLogger(GridCaches.class.getName());

  /**
   * The bound of a cache created without one, per member: the one Hazelcast gives its JCache caches
   * (a map of its own has none).
   */
  static final int DEFAULT_MAX_ENTRIES = EvictionConfig.DEFAULT_MAX_ENTRY_COUNT;

  /**
   * How many entries of one cache a member keeps as objects of its own at most. A product detail is
   * a few kilobytes as objects, so this is some tens of megabytes of heap per cache at most.
   */
  static final int NEAR_ENTRIES = 10_000;

  @Inject CacheManager caches;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * The cache of that name, created on first use by whichever member asks first, with that time to
   * live counted from when an entry is put, holding about 10,000 entries per member.
   */
  public <V extends Serializable> GridCache<V> named(String name, Duration timeToLive) {
    return named(name, timeToLive, DEFAULT_MAX_ENTRIES);
  }

  /**
   * The cache of that name, as {@link #named(String, Duration)}, holding about {@code maxEntries}
   * per member (Hazelcast bounds each partition at its share of that); beyond that the least
   * recently used are evicted. The configuration is the first one the grid was given for that name:
   * a cache the grid already holds keeps its bound and time to live until the whole cluster
   * restarts.
   */
  public <V extends Serializable> GridCache<V> named(
      String name, Duration timeToLive, int maxEntries) {
    // Hazelcast 5.3's member manager unwraps to its own class only, not to its interface.
    HazelcastInstance grid =
        caches.unwrap(HazelcastServerCacheManager.class).getHazelcastInstance();
    MapConfig wanted = configuration(name, timeToLive, maxEntries);
    MapConfig existing = grid.getConfig().getMapConfigOrNull(name);
    if (existing == null) {
      try {
        grid.getConfig().addMapConfig(wanted);
      } catch (InvalidConfigurationException configuredMeanwhile) {
        // Another member configured it otherwise in the meantime: theirs holds.
        LOG.info("cache " + name + " keeps the configuration another member gave it");
      }
    } else if (!existing.equals(wanted)) {
      // A member of another release, or a bound changed since the grid started.
      LOG.info(
          "cache "
              + name
              + " keeps the grid's configuration: "
              + existing.getEvictionConfig().getSize()
              + " entries per member, time to live "
              + existing.getTimeToLiveSeconds()
              + " s");
    }
    return new GridCache<>(grid.getMap(name), transactions);
  }

  static MapConfig configuration(String name, Duration timeToLive, int maxEntries) {
    int seconds = (int) Math.max(1, timeToLive.toSeconds());
    return new MapConfig(name)
        .setTimeToLiveSeconds(seconds)
        .setEvictionConfig(
            new EvictionConfig()
                .setSize(maxEntries)
                .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                .setEvictionPolicy(EvictionPolicy.LRU))
        .setNearCacheConfig(
            new NearCacheConfig(name)
                // Readers share the object: cached values are never changed after they are read.
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setInvalidateOnChange(true)
                // On a member most entries are its own; without this only others' are kept near.
                .setCacheLocalEntries(true)
                .setTimeToLiveSeconds(seconds)
                .setEvictionConfig(
                    new EvictionConfig()
                        .setSize(Math.min(maxEntries, NEAR_ENTRIES))
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setEvictionPolicy(EvictionPolicy.LRU)));
  }

  /** One cache: string keys, serializable values that every member can read. */
  public static final class GridCache<V extends Serializable> {

    private final IMap<String, V> cache;
    private final TransactionSynchronizationRegistry transactions;

    GridCache(IMap<String, V> cache, TransactionSynchronizationRegistry transactions) {
      this.cache = cache;
      this.transactions = transactions;
    }

    /**
     * The cached value, or the loaded one, which is then cached; a null load is not cached. A grid
     * that fails (a member shutting down, partitions moving) is bypassed: the reader gets the
     * loaded value, never an error of the cache's.
     */
    public V get(String key, Supplier<V> load) {
      try {
        V cached = cache.get(key);
        if (cached != null) {
          return cached;
        }
      } catch (RuntimeException gridUnavailable) {
        LOG.log(Level.FINE, "cache " + cache.getName() + " bypassed", gridUnavailable);
        return load.get();
      }
      V loaded = load.get();
      if (loaded != null) {
        try {
          cache.set(key, loaded);
        } catch (RuntimeException gridUnavailable) {
          LOG.log(Level.FINE, "cache " + cache.getName() + " not filled", gridUnavailable);
        }
      }
      return loaded;
    }

    /** Evicts the key once the current transaction commits, or now if there is none. */
    public void evictAfterCommit(String key) {
      afterCommit(() -> cache.delete(key));
    }

    private void afterCommit(Runnable evict) {
      Runnable eviction =
          () -> {
            try {
              evict.run();
            } catch (RuntimeException gridUnavailable) {
              // The entry stays until its time to live ends; the commit itself stands.
              LOG.log(Level.WARNING, "cache " + cache.getName() + " not evicted", gridUnavailable);
            }
          };
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        eviction.run();
        return;
      }
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                eviction.run();
              }
            }
          });
    }
  }
}
