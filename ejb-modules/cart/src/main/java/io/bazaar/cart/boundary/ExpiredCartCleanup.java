package io.bazaar.cart.boundary;

import io.bazaar.cart.control.ExpiredCarts;
import io.bazaar.persistence.OncePerCluster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes carts that nobody has changed for {@code bazaar.cart.expire-after} (30 days by default),
 * once every {@code bazaar.cart.cleanup-every} (an hour) for the whole cluster: every member keeps
 * a timer, and {@link OncePerCluster} lets one of them run each period.
 *
 * <p>Carts go in batches of {@code bazaar.cart.cleanup-batch}, each batch its own transaction, so a
 * backlog of a million carts never holds a long transaction or many locks, and a member that dies
 * mid-run leaves only whole batches deleted; the next period's run carries on from there.
 *
 * <p>The timer is not persistent: a member that is down misses nothing, since whichever member's
 * timer fires next does the work.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpiredCartCleanup {

  static final String JOB = "expired-cart-cleanup";

  private static final Logger LOG = Logger.getLogger(ExpiredCartCleanup.class.getName());
  private static final Duration LONGEST_FIRST_WAIT = Duration.ofMinutes(1);

  @Resource TimerService timers;

  @Resource UserTransaction transaction;

  @Inject OncePerCluster cluster;

  @Inject ExpiredCarts expiredCarts;

  @Inject
  @ConfigProperty(name = "bazaar.cart.cleanup-every", defaultValue = "PT1H")
  Duration every;

  @Inject
  @ConfigProperty(name = "bazaar.cart.expire-after", defaultValue = "P30D")
  Duration expireAfter;

  @Inject
  @ConfigProperty(name = "bazaar.cart.cleanup-batch", defaultValue = "500")
  int batchSize;

  /** A slow run is never overlapped by the next timeout on the same member. */
  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (every.isNegative() || every.isZero() || expireAfter.isNegative() || batchSize < 1) {
      throw new IllegalArgumentException(
          "bazaar.cart.cleanup-every must be positive, bazaar.cart.expire-after not negative and"
              + " bazaar.cart.cleanup-batch at least 1; got "
              + every
              + ", "
              + expireAfter
              + ", "
              + batchSize);
    }
    Duration firstWait = every.compareTo(LONGEST_FIRST_WAIT) < 0 ? every : LONGEST_FIRST_WAIT;
    timers.createIntervalTimer(
        firstWait.toMillis(), every.toMillis(), new TimerConfig(JOB, false /* not persistent */));
    LOG.info(
        () ->
            "expired carts (unchanged for "
                + expireAfter
                + ") are removed every "
                + every
                + " by one member of the cluster");
  }

  @Timeout
  void removeExpiredCarts() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      Optional<OncePerCluster.Run> claimed = inTransaction(() -> cluster.claim(JOB, every));
      claimed.ifPresent(this::removeIn);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not start removing expired carts; next period retries", e);
    } finally {
      running.set(false);
    }
  }

  private void removeIn(OncePerCluster.Run run) {
    Instant lastChangedBefore = Instant.now().minus(expireAfter);
    long removed = 0;
    try {
      int batch;
      do {
        batch = inTransaction(() -> expiredCarts.removeOldest(lastChangedBefore, batchSize));
        removed += batch;
      } while (batch == batchSize);
      long total = removed;
      inTransaction(
          () -> {
            cluster.finished(run, total);
            return null;
          });
      LOG.info(() -> "removed " + total + " cart(s) last changed before " + lastChangedBefore);
    } catch (Exception e) {
      long beforeFailure = removed;
      LOG.log(
          Level.WARNING,
          "removing expired carts stopped after " + removed + "; next period carries on",
          e);
      try {
        inTransaction(
            () -> {
              cluster.failed(run, beforeFailure, e);
              return null;
            });
      } catch (Exception notRecorded) {
        LOG.log(Level.WARNING, "could not record the failed run " + run, notRecorded);
      }
    }
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    transaction.begin();
    try {
      T result = work.call();
      transaction.commit();
      return result;
    } catch (Exception | Error e) {
      if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
      throw e;
    }
  }
}
