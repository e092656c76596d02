package io.bazaar.persistence.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhaseTwoOnFreshSessionTest {

  private static final Xid BRANCH =
      new Xid() {
        @Override
        public int getFormatId() {
          return 4871251;
        }

        @Override
        public byte[] getGlobalTransactionId() {
          return new byte[] {1, 2, 3};
        }

        @Override
        public byte[] getBranchQualifier() {
          return new byte[] {4, 5};
        }
      };

  /** What each new session does, in order: null commits, an exception is thrown. */
  private final Deque<Exception> outcomes = new ArrayDeque<>();

  private final List<Xid> committed = new ArrayList<>();
  private int sessionsClosed;
  private int sessionsOpened;

  private final FakeTime testTime = new FakeTime();

  private final PhaseTwoOnFreshSession.Sessions sessions =
      () -> {
        Exception outcome = outcomes.isEmpty() ? null : outcomes.poll();
        if (outcome instanceof ConnectException refused) {
          throw refused;
        }
        sessionsOpened++;
        return new PhaseTwoOnFreshSession.Session() {
          @Override
          public void commitPrepared(Xid xid) throws XAException {
            if (outcome instanceof XAException failure) {
              throw failure;
            }
            committed.add(xid);
          }

          @Override
          public void close() {
            sessionsClosed++;
          }
        };
      };

  private final XAException lost = failure(XAException.XAER_RMFAIL);

  @AfterEach
  void everySessionOpenedIsClosed() {
    assertThat(sessionsClosed).isEqualTo(sessionsOpened);
  }

  private PhaseTwoOnFreshSession withPatience(Duration patience) {
    return new PhaseTwoOnFreshSession(sessions, "orders", patience, testTime);
  }

  @Test
  void aBranchWhoseConnectionDiedIsCommittedOnANewSession() throws Exception {
    withPatience(Duration.ofMinutes(5)).commit(BRANCH, lost);

    assertThat(committed).containsExactly(BRANCH);
    assertThat(testTime.pauses).isEmpty();
  }

  @Test
  void whileTheDatabaseIsDownItKeepsTryingWithLongerPauses() throws Exception {
    for (int refused = 0; refused < 8; refused++) {
      outcomes.add(new ConnectException("Connection refused"));
    }
    outcomes.add(failure(XAException.XAER_RMFAIL)); // the server still starting up

    withPatience(Duration.ofMinutes(5)).commit(BRANCH, lost);

    assertThat(committed).containsExactly(BRANCH);
    assertThat(testTime.pauses)
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(1600),
            Duration.ofMillis(3200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
  }

  @Test
  void aBranchNoLongerPreparedWasCommittedByTheFailedAttempt() throws Exception {
    outcomes.add(failure(XAException.XAER_NOTA));

    withPatience(Duration.ofMinutes(5)).commit(BRANCH, lost);

    assertThat(committed).isEmpty();
    assertThat(testTime.pauses).isEmpty();
  }

  @Test
  void whenThePatienceRunsOutTheOriginalFailureIsReportedWithEveryAttempt() {
    for (int refused = 0; refused < 100; refused++) {
      outcomes.add(new ConnectException("Connection refused"));
    }

    assertThatThrownBy(() -> withPatience(Duration.ofSeconds(30)).commit(BRANCH, lost))
        .isSameAs(lost);

    assertThat(committed).isEmpty();
    assertThat(Duration.ofNanos(testTime.now))
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(35));
    assertThat(lost.getSuppressed()).hasSize(testTime.pauses.size() + 1);
  }

  @Test
  void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
    outcomes.add(new ConnectException("Connection refused"));
    PhaseTwoOnFreshSession interrupted =
        new PhaseTwoOnFreshSession(
            sessions,
            "orders",
            Duration.ofMinutes(5),
            new PhaseTwoOnFreshSession.Time() {
              @Override
              public long nanos() {
                return 0;
              }

              @Override
              public void pause(Duration duration) throws InterruptedException {
                throw new InterruptedException();
              }
            });

    assertThatThrownBy(() -> interrupted.commit(BRANCH, lost)).isSameAs(lost);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void theBranchIsNamedAsPostgreSqlListsIt() {
    assertThat(PhaseTwoOnFreshSession.globalId(BRANCH)).isEqualTo("4871251_AQID_BAU=");
  }

  private static XAException failure(int errorCode) {
    return new XAException(errorCode);
  }
}
