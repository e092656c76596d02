package io.bazaar.persistence;

import com.hazelcast.cache.impl.HazelcastServerCacheManager;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * replaced or removed. Reading a JCache entry on a member always went through the grid: a hop to
 * the partition's thread and a deserialization, 16% of a cached product page's CPU (async-profiler,
 * 2026-12-07). Hazelcast offers near caches for JCache only to its clients, hence the map. The
 * member's JCache {@link CacheManager}, which Payara provides, leads to the grid.
 *
 * <p>The caches' bounds are the grid's static configuration (server-config's hazelcast.xml, maps
 * {@code bazaar.*}): Hazelcast 5.3 drops a near cache's bound from a configuration added while the
 * member runs, and the near copies then grow without one (measured: 25,798 against a bound of
 * 10,000). A cache that configuration does not name is added bounded, without near copies.
 *
 * <p>Writers evict after their transaction commits: evicting earlier would let a reader put the old
 * value back before the new one is visible. (A reader that loaded the old value before the commit
 * and puts it after the eviction still can; the time to live bounds that case.)
 */
@ApplicationScoped
public class GridCaches {

  private static final Logger LOG = Logger.getLogger(GridCaches.class.getName());

  /** The bound per member of a cache the grid's configuration does not name. */
  static final int UNCONFIGURED_MAX_ENTRIES = EvictionConfig.DEFAULT_MAX_ENTRY_COUNT;

  @Inject CacheManager caches;

  /** The caches whose configuration this application has logged: once each, not per user. */
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * The cache of that name, with that time to live for each entry, counted from when it is put. Its
   * bound per member and its near copies are the grid's configuration for the name.
   */
  public <V extends Serializable> GridCache<V> named(String name, Duration timeToLive) {
    // Hazelcast 5.3's member manager unwraps to its own class only, not to its interface.
    HazelcastInstance grid =
        caches.unwrap(HazelcastServerCacheManager.class).getHazelcastInstance();
    MapConfig configured = grid.getConfig().getMapConfigOrNull(name);
    if (configured == null || configured.getNearCacheConfig() == null) {
      if (reported.add(name)) {
        LOG.warning(
            "cache "
                + name
                + " is not configured on the grid (hazelcast.xml, maps bazaar.*): it keeps up to "
                + UNCONFIGURED_MAX_ENTRIES
                + " entries per member and no near copies");
      }
      addBounded(grid, name);
    } else if (reported.add(name)) {
      LOG.info(
          "cache "
              + name
              + ": up to "
              + configured.getEvictionConfig().getSize()
              + " entries per member, "
              + configured.getNearCacheConfig().getEvictionConfig().getSize()
              + " of them near");
    }
    return new GridCache<>(grid.getMap(name), timeToLive, transactions);
  }

  private static void addBounded(HazelcastInstance grid, String name) {
    try {
      grid.getConfig()
          .addMapConfig(
              new MapConfig(name)
                  .setBackupCount(0)
                  .setEvictionConfig(
                      new EvictionConfig()
                          .setSize(UNCONFIGURED_MAX_ENTRIES)
                          .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                          .setEvictionPolicy(EvictionPolicy.LRU)));
    } catch (InvalidConfigurationException configuredMeanwhile) {
      // Another member added it in the meantime, the same way.
      LOG.log(Level.FINE, "cache " + name + " configured by another member", configuredMeanwhile);
    }
  }

  /**
   * A cached value with the instant its time to live ends. The grid drops an expired entry, but a
   * member's near copy outlives that: the grid removes expired entries lazily, and only that
   * removal tells the members (measured: copies with a 0.5 s time to live were still read 3 s
   * later). Every reader checks the instant itself. Written field by field: the value's own form,
   * not a record's class description on every grid read.
   */
  public static final class Expiring<V extends Serializable> implements Externalizable {

    private static final long serialVersionUID = 1L;

    private V value;
    private long expiresAtMillis;

    /** For deserialization only. */
    public Expiring() {}

    Expiring(V value, long expiresAtMillis) {
      this.value = value;
      this.expiresAtMillis = expiresAtMillis;
    }

    boolean isLive() {
      return System.currentTimeMillis() < expiresAtMillis;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
      out.writeLong(expiresAtMillis);
      out.writeObject(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
      expiresAtMillis = in.readLong();
      value = (V) in.readObject();
    }
  }

  /** One cache: string keys, serializable values that every member can read. */
  public static final class GridCache<V extends Serializable> {

    private final IMap<String, Expiring<V>> cache;
    private final long timeToLiveMillis;
    private final long gridTimeToLiveSeconds;
    private final TransactionSynchronizationRegistry transactions;

    GridCache(
        IMap<String, Expiring<V>> cache,
        Duration timeToLive,
        TransactionSynchronizationRegistry transactions) {
      this.cache = cache;
      this.timeToLiveMillis = Math.max(1, timeToLive.toMillis());
      // The grid stamps its entries to the second, and an entry put with half a second to live
      // was gone at once (measured), so it gets whole seconds and one more; the shorter time to
      // live is the one every reader checks.
      this.gridTimeToLiveSeconds = (timeToLiveMillis + 999) / 1000 + 1;
      this.transactions = transactions;
    }

    /**
     * The cached value, or the loaded one, which is then cached; a null load is not cached. A grid
     * that fails (a member shutting down, partitions moving) is bypassed: the reader gets the
     * loaded value, never an error of the cache's.
     */
    public V get(String key, Supplier<V> load) {
      try {
        Expiring<V> cached = cache.get(key);
        if (cached != null && cached.isLive()) {
          return cached.value;
        }
      } catch (RuntimeException gridUnavailable) {
        LOG.log(Level.FINE, "cache " + cache.getName() + " bypassed", gridUnavailable);
        return load.get();
      }
      V loaded = load.get();
      if (loaded != null) {
        try {
          cache.set(
              key,
              new Expiring<>(loaded, System.currentTimeMillis() + timeToLiveMillis),
              gridTimeToLiveSeconds,
              TimeUnit.SECONDS);
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
