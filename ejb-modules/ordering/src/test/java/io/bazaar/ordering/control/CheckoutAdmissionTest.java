package io.bazaar.ordering.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.ordering.boundary.CheckoutBusy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckoutAdmissionTest {

  private final ExecutorService buyers = Executors.newFixedThreadPool(12);

  @AfterEach
  void stopBuyers() {
    buyers.shutdownNow();
  }

  @Test
  void neverRunsMoreCheckoutsAtOnceThanItsLimitAndRunsEveryOneInTurn() throws Exception {
    CheckoutAdmission admission = CheckoutAdmission.of(3, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<Future<Integer>> checkouts = new ArrayList<>();
    for (int buyer = 0; buyer < 12; buyer++) {
      int number = buyer;
      checkouts.add(
          buyers.submit(
              () ->
                  admission.inTurn(
                      () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(30);
                        running.decrementAndGet();
                        return number;
                      })));
    }
    for (int buyer = 0; buyer < 12; buyer++) {
      assertThat(checkouts.get(buyer).get(10, TimeUnit.SECONDS)).isEqualTo(buyer);
    }
    assertThat(mostAtOnce.get()).isEqualTo(3);
  }

  @Test
  void aCheckoutWithoutATurnInTimeIsRefusedWithoutRunning() throws Exception {
    CheckoutAdmission admission = CheckoutAdmission.of(1, Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> first =
        buyers.submit(
            () ->
                admission.inTurn(
                    () -> {
                      holding.countDown();
                      await(release);
                      return "placed";
                    }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicInteger ranLate = new AtomicInteger();

    assertThatThrownBy(() -> admission.inTurn(ranLate::incrementAndGet))
        .isInstanceOf(CheckoutBusy.class)
        .hasMessageContaining("nothing was done");
    assertThat(ranLate).hasValue(0);

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("placed");
    assertThat(admission.inTurn(ranLate::incrementAndGet)).isEqualTo(1);
  }

  @Test
  void aFailedCheckoutGivesItsTurnBack() {
    CheckoutAdmission admission = CheckoutAdmission.of(1, Duration.ofMillis(100));
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(
              () ->
                  admission.inTurn(
                      () -> {
                        throw new IllegalStateException("out of stock");
                      }))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(admission.inTurn(() -> "placed")).isEqualTo("placed");
  }

  @Test
  void noLimitRunsEveryCheckoutAtOnce() throws Exception {
    CheckoutAdmission admission = CheckoutAdmission.of(0, Duration.ZERO);
    CountDownLatch allInside = new CountDownLatch(12);
    List<Future<Boolean>> checkouts = new ArrayList<>();
    for (int buyer = 0; buyer < 12; buyer++) {
      checkouts.add(
          buyers.submit(
              () ->
                  admission.inTurn(
                      () -> {
                        allInside.countDown();
                        return await(allInside);
                      })));
    }
    for (Future<Boolean> checkout : checkouts) {
      assertThat(checkout.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void refusesANegativeLimitOrWait() {
    assertThatThrownBy(() -> CheckoutAdmission.of(-1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CheckoutAdmission.of(2, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
