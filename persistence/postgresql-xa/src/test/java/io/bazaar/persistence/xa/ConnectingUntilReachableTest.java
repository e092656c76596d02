package io.bazaar.persistence.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ConnectingUntilReachableTest {

  private static final SQLException REFUSED =
      new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
  private static final SQLException STARTING_UP =
      new SQLException("the database system is starting up", "57P03");
  private static final SQLException WRONG_PASSWORD =
      new SQLException("password authentication failed", "28P01");

  /** What each attempt does, in order: null connects, an exception is thrown. */
  private final Deque<SQLException> outcomes = new ArrayDeque<>();

  private int attempts;

  private final FakeTime testTime = new FakeTime();

  private String attempt() throws SQLException {
    attempts++;
    SQLException outcome = outcomes.poll();
    if (outcome != null) {
      throw outcome;
    }
    return "connection";
  }

  private String connect(Duration patience) throws SQLException {
    return new ConnectingUntilReachable(patience, testTime).connect(this::attempt, "orders");
  }

  @Test
  void aReachableServerIsConnectedAtOnce() throws SQLException {
    assertThat(connect(Duration.ofSeconds(-1))).isEqualTo("connection");
    assertThat(attempts).isEqualTo(1);
    assertThat(testTime.pauses).isEmpty();
  }

  @Test
  void anUnreachableOrStartingServerIsWaitedForWithGrowingPauses() throws SQLException {
    outcomes.add(REFUSED);
    outcomes.add(REFUSED);
    outcomes.add(STARTING_UP);

    assertThat(connect(Duration.ofSeconds(30))).isEqualTo("connection");

    assertThat(attempts).isEqualTo(4);
    assertThat(testTime.pauses)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
  }

  @Test
  void withoutPatienceTheFirstFailureIsThrown() {
    outcomes.add(REFUSED);

    assertThatThrownBy(() -> connect(Duration.ZERO)).isSameAs(REFUSED);
    assertThat(attempts).isEqualTo(1);
  }

  @Test
  void whenThePatienceRunsOutTheLastFailureIsThrown() {
    for (int i = 0; i < 100; i++) {
      outcomes.add(REFUSED);
    }

    assertThatThrownBy(() -> connect(Duration.ofSeconds(10))).isSameAs(REFUSED);
    assertThat(testTime.now).isGreaterThanOrEqualTo(Duration.ofSeconds(10).toNanos());
    assertThat(testTime.pauses)
        .allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void negativePatienceWaitsAsLongAsItTakes() throws SQLException {
    for (int i = 0; i < 1_000; i++) {
      outcomes.add(REFUSED);
    }

    assertThat(connect(Duration.ofSeconds(-1))).isEqualTo("connection");
    assertThat(attempts).isEqualTo(1_001);
  }

  @Test
  void aFailureThatWaitingCannotMendIsThrownAtOnce() {
    outcomes.add(WRONG_PASSWORD);

    assertThatThrownBy(() -> connect(Duration.ofSeconds(-1))).isSameAs(WRONG_PASSWORD);
    assertThat(testTime.pauses).isEmpty();
  }
}
