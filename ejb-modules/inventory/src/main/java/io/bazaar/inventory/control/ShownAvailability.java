package io.bazaar.inventory.control;

import io.bazaar.inventory.boundary.StockChanged;
import io.bazaar.persistence.GridNotices;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The member's copy of the units available per SKU, as product pages show them. Every product view
 * showed availability read from the database, and at thousands of views a second that one query was
 * the largest single cost of a product page.
 *
 * <p>A change this member commits replaces its copy at once, and a notice over the data grid tells
 * the other members to read those SKUs again ({@link GridNotices}): a sale on any member shows on
 * every member's pages within {@code bazaar.inventory.shown-availability-notice-interval} (default
 * 0.2 s) and the moment the notice takes. Notices are best effort (one sent while a member joins
 * can be lost), and changes made behind the shop's back (SQL) send none, so a copy is also at most
 * {@code bazaar.inventory.shown-availability-ttl} old (default 5 minutes; {@code PT0S} turns the
 * copy off).
 *
 * <p>Why the SKUs of all commits go out together at that interval, not one notice per commit: a
 * grid publish in every checkout's after-commit observer cost a third of the checkouts a second
 * (measured side by side, 2026-12-07; the cause was not found). Batched, a member sends at most
 * five notices a second whatever its load, and a checkout only adds its SKUs to a set.
 *
 * <p>Why so long: with a one-second copy, a product viewed less than once a second (nearly all of a
 * large catalog) read the database on almost every view; 30 s instead raised product pages over
 * 100,000 products by 47%, but a member then showed another member's sales up to 30 s late. Nothing
 * that takes stock reads the copy: checkout counts and locks the rows themselves, so a stale copy
 * can make a page say "2 left" when one is, never sell the missing unit.
 */
@ApplicationScoped
public class ShownAvailability {

  /**
   * About 1 KB a hundred; a catalog with more SKUs than this shown within one time to live reads
   * the rest from the database.
   */
  static final int MAX_SKUS = 200_000;

  /** The data grid's topic of the notices: SKUs whose availability changed on their sender. */
  static final String CHANGED_SKUS_TOPIC = "bazaar.inventory.shown-availability-changed";

  /** The units of a copy that another member's notice made stale: it must be read again. */
  private static final int CHANGED_ELSEWHERE = -1;

  private final Map<String, Shown> shown = new ConcurrentHashMap<>();
  private long timeToLiveNanos;
  private LongSupplier clock = System::nanoTime;

  /** SKUs this member committed changes of since its last notice. */
  private final Set<String> changedHere = ConcurrentHashMap.newKeySet();

  private Duration noticeInterval;
  private Future<?> noticeSender;

  @Inject GridNotices gridNotices;
  @Resource ManagedScheduledExecutorService scheduler;

  /** JDK types only: the grid deserializes notices without the application's classes. */
  private Consumer<String[]> tellOtherMembers = changedSkus -> {};

  private Runnable stopHearingOtherMembers = () -> {};

  /**
   * When a copy was read counts from before its query: it is at least that fresh. Of two copies,
   * the one read later is kept; on a tie, the one put last. A notice from another member counts
   * from when it arrived, so a count read before that member's commit cannot replace it.
   */
  private record Shown(int units, long readAtNanos) {
    Shown newer(Shown other) {
      return other.readAtNanos - readAtNanos >= 0 ? other : this;
    }

    boolean changedElsewhere() {
      return units == CHANGED_ELSEWHERE;
    }
  }

  @Inject
  void configure(
      @ConfigProperty(name = "bazaar.inventory.shown-availability-ttl", defaultValue = "PT5M")
          Duration timeToLive,
      @ConfigProperty(
              name = "bazaar.inventory.shown-availability-notice-interval",
              defaultValue = "PT0.2S")
          Duration noticeInterval) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.noticeInterval = noticeInterval.isNegative() ? Duration.ZERO : noticeInterval;
  }

  @PostConstruct
  void joinOtherMembers() {
    if (timeToLiveNanos > 0) {
      GridNotices.Topic<String[]> topic = gridNotices.topic(CHANGED_SKUS_TOPIC);
      tellOtherMembers = topic::publish;
      stopHearingOtherMembers = topic.receiveFromOtherMembers(this::changedElsewhere);
      long every = Math.max(1, noticeInterval.toMillis());
      noticeSender =
          scheduler.scheduleWithFixedDelay(this::sendNotice, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void leaveOtherMembers() {
    if (noticeSender != null) {
      noticeSender.cancel(false);
    }
    sendNotice();
    stopHearingOtherMembers.run();
  }

  /** Without a grid: {@code tellOtherMembers} stands for the other members. */
  static ShownAvailability forTest(
      Duration timeToLive, LongSupplier clock, Consumer<String[]> tellOtherMembers) {
    ShownAvailability availability = new ShownAvailability();
    availability.configure(timeToLive, Duration.ofMillis(200));
    availability.clock = clock;
    availability.tellOtherMembers = tellOtherMembers;
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
      if (copy == null || copy.changedElsewhere() || now - copy.readAtNanos() > timeToLiveNanos) {
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
   * bought the last unit sees it gone, and the other members are told with the next notice to read
   * those SKUs again. A reader whose query started before the commit cannot put the older count
   * back: the copy read later wins.
   */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StockChanged change) {
    if (timeToLiveNanos > 0) {
      remember(change.availableNow(), clock.getAsLong());
      // A sender that stopped (the grid gone) must not make this grow without end; what is not
      // sent shows on the other members when their copies expire.
      if (changedHere.size() < MAX_SKUS) {
        changedHere.addAll(change.availableNow().keySet());
      }
    }
  }

  /**
   * Tells the other members, in one notice, every SKU changed here since the last one. A SKU added
   * while this runs goes with this notice or with the next.
   */
  void sendNotice() {
    if (changedHere.isEmpty()) {
      return;
    }
    List<String> changed = new ArrayList<>();
    for (Iterator<String> pending = changedHere.iterator(); pending.hasNext(); ) {
      changed.add(pending.next());
      pending.remove();
    }
    tellOtherMembers.accept(changed.toArray(String[]::new));
  }

  /**
   * Another member committed a change of these SKUs: the next view reads them again. The mark is
   * kept even for a SKU this member has no copy of, since a query running now may have read it
   * before that commit.
   */
  void changedElsewhere(String[] skus) {
    long now = clock.getAsLong();
    Map<String, Integer> marks = new HashMap<>();
    for (String sku : skus) {
      marks.put(sku, CHANGED_ELSEWHERE);
    }
    remember(marks, now);
  }

  /** Full of fresh copies, it still replaces the copies it has, so that none stays stale. */
  private void remember(Map<String, Integer> units, long readAtNanos) {
    boolean full = false;
    if (shown.size() + units.size() > MAX_SKUS) {
      shown.values().removeIf(copy -> readAtNanos - copy.readAtNanos() > timeToLiveNanos);
      full = shown.size() + units.size() > MAX_SKUS;
    }
    for (Map.Entry<String, Integer> count : units.entrySet()) {
      Shown copy = new Shown(count.getValue(), readAtNanos);
      if (full) {
        shown.computeIfPresent(count.getKey(), (sku, kept) -> kept.newer(copy));
      } else {
        shown.merge(count.getKey(), copy, Shown::newer);
      }
    }
  }
}
