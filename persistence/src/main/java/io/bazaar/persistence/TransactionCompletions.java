package io.bazaar.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long this member's watched transactions have been completing: from the start of their
 * two-phase commit until the transaction manager reports them done.
 *
 * <p>Why: a branch whose resource manager went away after it was prepared keeps its transaction
 * completing. For the broker's branch that can last until the member restarts: Payara retries the
 * commit once a minute on the same session, and an Artemis session that gave up reconnecting never
 * comes back, though the broker does. The branch then stays prepared in the broker, and the order's
 * confirmation is never delivered (the fault run found one). The member's recovery at its next
 * start commits such a branch on a new connection, so a completion stuck that long makes the member
 * not live ({@link InDoubtBranchesLiveness}), and its supervisor restarts it.
 */
@ApplicationScoped
public class TransactionCompletions {

  private final Map<Object, Instant> completing = new ConcurrentHashMap<>();
  private final Map<Object, Boolean> watched = new ConcurrentHashMap<>();
  private Clock clock = Clock.systemUTC();

  @Resource TransactionSynchronizationRegistry transactions;

  /** Watches the caller's transaction (once, however often it is asked). */
  public void watchCurrent() {
    Object key = transactions.getTransactionKey();
    if (key == null || watched.putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    transactions.registerInterposedSynchronization(new Watch(key));
  }

  /** How long each watched transaction completing for longer than {@code limit} has been at it. */
  public List<Duration> completingLongerThan(Duration limit) {
    Instant now = clock.instant();
    return completing.values().stream()
        .map(started -> Duration.between(started, now))
        .filter(duration -> duration.compareTo(limit) > 0)
        .sorted(Comparator.reverseOrder())
        .toList();
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Registered with one transaction: notes when its completion starts and forgets it at the end.
   */
  final class Watch implements Synchronization {

    private final Object key;

    Watch(Object key) {
      this.key = key;
    }

    @Override
    public void beforeCompletion() {
      completing.put(key, clock.instant());
    }

    @Override
    public void afterCompletion(int status) {
      completing.remove(key);
      watched.remove(key);
    }
  }
}
