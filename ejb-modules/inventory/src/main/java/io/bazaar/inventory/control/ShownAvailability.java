package io.bazaar.inventory.control;

import io.bazaar.inventory.boundary.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The member's copy of the units available per SKU, as product pages show them. Every product view
 * showed availability read from the database, and at thousands of views a second that one query was
 * the largest single cost of a product page. A copy is at most {@code
 * bazaar.inventory.shown-availability-ttl} old (default 30 s; {@code PT0S} turns the copy off);
 * changes this member commits replace it at once, changes committed on another member show when it
 * expires.
 *
 * <p>Why 30 s: with a one-second copy, a product viewed less than once a second (nearly all of a
 * large catalog) read the database on almost every view, and a profile of product pages over 10,000
 * products still put 18% of the time in that query. What a longer copy costs is only on pages, and
 * only in a cluster: a member shows a sale made on another member up to 30 s late, as a shop's
 * cached pages do. Nothing that takes stock reads it: checkout counts and locks the rows
 * themselves, so a stale copy can make a page say "2 left" when one is, never sell the missing
 * unit.
 */
@ApplicationScoped
public class ShownAvailability {

  /**
   * About 1 KB a hundred; a catalog with more SKUs than this shown within one time to live reads
   * the rest from the database.
   */
  static final int MAX_SKUS = 200_000;

  private final Map<String, Shown> shown = new ConcurrentHashMap<>();
  private long timeToLiveNanos;
  private LongSupplier clock = System::nanoTime;

  /**
   * When a copy was read counts from before its query: it is at least that fresh. Of two copies,
   * the one read later is kept; on a tie, the one put last.
   */
  private record Shown(int units, long readAtNanos) {
    Shown newer(Shown other) {
      return other.readAtNanos - readAtNanos >= 0 ? other : this;
    }
  }

  @Inject
  void configure(
      @ConfigProperty(name = "bazaar.inventory.shown-availability-ttl", defaultValue = "PT30S")
          Duration timeToLive) {
    this.timeToLiveNanos = timeToLive.toNanos();
  }

  static ShownAvailability forTest(Duration timeToLive, LongSupplier clock) {
    ShownAvailability availability = new ShownAvailability();
    availability.configure(timeToLive);
    availability.clock = clock;
    return availability;
  }

  /**
   * Units per SKU: this member's copies when all are fresh, otherwise all of them {@code read}
   * again (one query for the product, as before).
   */
  public Map<String, Integer> of(
      Collection<String> skus, Function<Collection<String>, Map<String, Integer>> read) {
    if (timeToLiveNanos <= 0) {
      return read.apply(skus);
    }
    long now = clock.getAsLong();
    Map<String, Integer> fresh = new HashMap<>();
    for (String sku : skus) {
      Shown copy = shown.get(sku);
      if (copy == null || now - copy.readAtNanos() > timeToLiveNanos) {
        Map<String, Integer> current = read.apply(skus);
        remember(current, now);
        return current;
      }
      fresh.put(sku, copy.units());
    }
    return fresh;
  }

  /**
   * What this member's transaction committed replaces the copies at once, so a shopper who just
   * bought the last unit sees it gone. A reader whose query started before the commit cannot put
   * the older count back: the copy read later wins.
   */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StockChanged change) {
    if (timeToLiveNanos > 0) {
      remember(change.availableNow(), clock.getAsLong());
    }
  }

  private void remember(Map<String, Integer> units, long readAtNanos) {
    if (shown.size() + units.size() > MAX_SKUS) {
      shown.values().removeIf(copy -> readAtNanos - copy.readAtNanos() > timeToLiveNanos);
      if (shown.size() + units.size() > MAX_SKUS) {
        return;
      }
    }
    units.forEach((sku, count) -> shown.merge(sku, new Shown(count, readAtNanos), Shown::newer));
  }
}
