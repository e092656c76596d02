package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionCompletionsTest {

  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

  private final FakeRegistry registry = new FakeRegistry();
  private final TransactionCompletions completions = new TransactionCompletions();

  @BeforeEach
  void setUp() {
    completions.transactions = registry;
    completions.useClock(Clock.fixed(START, ZoneOffset.UTC));
  }

  @Test
  void aTransactionStillCompletingAfterTheLimitIsReportedUntilItEnds() {
    registry.key = "tx-1";
    completions.watchCurrent();
    completions.watchCurrent();
    assertThat(registry.synchronizations).as("watched once").hasSize(1);

    Synchronization watch = registry.synchronizations.get(0);
    watch.beforeCompletion();
    completions.useClock(Clock.fixed(START.plusSeconds(60), ZoneOffset.UTC));
    assertThat(completions.completingLongerThan(LIMIT)).isEmpty();

    completions.useClock(Clock.fixed(START.plusSeconds(95), ZoneOffset.UTC));
    assertThat(completions.completingLongerThan(LIMIT)).containsExactly(Duration.ofSeconds(95));

    watch.afterCompletion(Status.STATUS_COMMITTED);
    assertThat(completions.completingLongerThan(LIMIT)).isEmpty();
  }

  @Test
  void aTransactionNotYetCompletingIsNotReportedHoweverLongItRuns() {
    registry.key = "tx-2";
    completions.watchCurrent();
    completions.useClock(Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC));
    assertThat(completions.completingLongerThan(LIMIT)).isEmpty();
  }

  @Test
  void withoutATransactionNothingIsWatched() {
    registry.key = null;
    completions.watchCurrent();
    assertThat(registry.synchronizations).isEmpty();
  }

  /** Just what the watch uses of a transaction synchronization registry. */
  private static final class FakeRegistry implements TransactionSynchronizationRegistry {
    Object key;
    final List<Synchronization> synchronizations = new ArrayList<>();

    @Override
    public Object getTransactionKey() {
      return key;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public void putResource(Object key, Object value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
