package io.bazaar.persistence;

import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
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
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Read caches on the members' data grid (JCache, which Payara backs with its Hazelcast grid): what
 * one member computed, every member reads, and an eviction on one member is an eviction on all. A
 * cache holds copies of what a database already holds, so losing it loses nothing; its entries
 * expire after a time to live, which bounds how stale a copy can get.
 *
 * <p>Writers evict after their transaction commits: evicting earlier would let a reader put the old
 * value back before the new one is visible. (A reader that loaded the old value before the commit
 * and puts it after the eviction still can; the time to live bounds that case.)
 */
@ApplicationScoped
public class GridCaches {

  private static final Logger LOG = Logger.getLogger(GridCaches.class.getName());

  /** Hazelcast's bound for a cache created without one. */
  static final int DEFAULT_MAX_ENTRIES = EvictionConfig.DEFAULT_MAX_ENTRY_COUNT;

  @Inject CacheManager caches;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * The cache of that name, created on first use by whichever member asks first, with that time to
   * live counted from when an entry is put, holding about as many entries as the grid's default
   * bound (10,000 over all members).
   */
  public <V extends Serializable> GridCache<V> named(String name, Duration timeToLive) {
    return named(name, timeToLive, DEFAULT_MAX_ENTRIES);
  }

  /**
   * The cache of that name, as {@link #named(String, Duration)}, holding about {@code maxEntries}
   * over all members; beyond that the least recently used are evicted. (Hazelcast bounds each
   * partition at its share plus a margin for uneven spread, so a cache can hold some more: up to
   * about 61,000 for 50,000.) The bound is the creator's: a cache the grid already holds keeps the
   * bound it was created with.
   */
  public <V extends Serializable> GridCache<V> named(
      String name, Duration timeToLive, int maxEntries) {
    Cache<String, V> cache = caches.getCache(name);
    if (cache == null) {
      MutableConfiguration<String, V> configuration =
          new MutableConfiguration<String, V>()
              .setStoreByValue(true)
              .setStatisticsEnabled(true)
              .setExpiryPolicyFactory(
                  CreatedExpiryPolicy.factoryOf(
                      new javax.cache.expiry.Duration(
                          java.util.concurrent.TimeUnit.MILLISECONDS, timeToLive.toMillis())));
      try {
        cache = caches.createCache(name, bounded(configuration, maxEntries));
      } catch (CacheException createdMeanwhile) {
        // Another member, or another thread, created it first: use theirs.
        cache = caches.getCache(name);
      }
    }
    return new GridCache<>(cache, transactions);
  }

  /**
   * JCache has no size bound, and Hazelcast's default (10,000 entries over the whole grid) holds
   * about a tenth of a 100,000-product catalog's details. Hazelcast's own configuration, which its
   * JCache accepts, carries the bound.
   */
  private static <V> CompleteConfiguration<String, V> bounded(
      MutableConfiguration<String, V> configuration, int maxEntries) {
    CacheConfig<String, V> bounded = new CacheConfig<>(configuration);
    bounded.setEvictionConfig(
        new EvictionConfig()
            .setSize(maxEntries)
            .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
            .setEvictionPolicy(EvictionPolicy.LRU));
    return bounded;
  }

  /** One cache: string keys, serializable values that every member can read. */
  public static final class GridCache<V extends Serializable> {

    private final Cache<String, V> cache;
    private final TransactionSynchronizationRegistry transactions;

    GridCache(Cache<String, V> cache, TransactionSynchronizationRegistry transactions) {
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
          cache.put(key, loaded);
        } catch (RuntimeException gridUnavailable) {
          LOG.log(Level.FINE, "cache " + cache.getName() + " not filled", gridUnavailable);
        }
      }
      return loaded;
    }

    /** Evicts the key once the current transaction commits, or now if there is none. */
    public void evictAfterCommit(String key) {
      afterCommit(() -> cache.remove(key));
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
