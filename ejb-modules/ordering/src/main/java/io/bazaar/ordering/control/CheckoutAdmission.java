package io.bazaar.ordering.control;

import io.bazaar.ordering.boundary.CheckoutBusy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many checkouts a member runs at once ({@code bazaar.ordering.checkout-concurrency}, default
 * 32); the others wait their turn, first come first served, for up to {@code
 * bazaar.ordering.checkout-wait} (default 10 s; then {@link CheckoutBusy}: nothing was done, try
 * again).
 *
 * <p>Why a bound: each checkout holds a connection of each of the three XA pools (48 each) from its
 * first query to the end of its two-phase commit. Without a bound, a burst of checkouts can take
 * every connection, and carts, product pages and the checkouts themselves would then fail at the
 * pools with 503s. With at most 32 at once, a burst queues here instead and the pools keep
 * connections for everything else.
 *
 * <p>A lower bound keeps more of the CPU for shoppers who browse, and costs checkouts throughput:
 * measured on two cores (docs/performance.md, 2026-12-07), 2 at once cut the p95 of searches beside
 * 8 checkout clients from 7.7 s to 2.2 s and halved their orders; 4 at once gave 8 clients as many
 * orders a second as no bound, and 32 clients a quarter fewer. A checkout spends most of its time
 * waiting for the databases' commits, so it needs many in flight to keep the cores busy.
 *
 * <p>The bound is per member: a cluster of three admits three times as many. {@code 0} turns it
 * off.
 */
@ApplicationScoped
public class CheckoutAdmission {

  private Semaphore turns;
  private long waitNanos;

  @Inject
  void configure(
      @ConfigProperty(name = "bazaar.ordering.checkout-concurrency", defaultValue = "32")
          int concurrency,
      @ConfigProperty(name = "bazaar.ordering.checkout-wait", defaultValue = "PT10S")
          Duration wait) {
    if (concurrency < 0 || wait.isNegative()) {
      throw new IllegalArgumentException(
          "bazaar.ordering.checkout-concurrency must be 0 (no limit) or more, and"
              + " bazaar.ordering.checkout-wait not negative");
    }
    this.turns = concurrency == 0 ? null : new Semaphore(concurrency, true);
    this.waitNanos = wait.toNanos();
  }

  static CheckoutAdmission of(int concurrency, Duration wait) {
    CheckoutAdmission admission = new CheckoutAdmission();
    admission.configure(concurrency, wait);
    return admission;
  }

  /** Runs the checkout in its turn, or throws {@link CheckoutBusy} if none came in time. */
  public <T> T inTurn(Supplier<T> checkout) {
    if (turns == null) {
      return checkout.get();
    }
    boolean admitted;
    try {
      admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new CheckoutBusy();
    }
    if (!admitted) {
      throw new CheckoutBusy();
    }
    try {
      return checkout.get();
    } finally {
      turns.release();
    }
  }
}
