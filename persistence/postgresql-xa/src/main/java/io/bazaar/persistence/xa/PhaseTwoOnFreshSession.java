package io.bazaar.persistence.xa;

import java.time.Duration;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * Commits a prepared branch whose own connection died, on new sessions, until it is committed or
 * the patience runs out. Blocking the committing thread is the point: the transaction manager must
 * not record the transaction as completed while a branch is still prepared, or a restart would roll
 * the branch back. While the thread waits, the commit decision stays in the transaction log, so a
 * member that dies meanwhile commits the branch in its recovery.
 */
final class PhaseTwoOnFreshSession {

  private static final Logger LOG = Logger.getLogger(PhaseTwoOnFreshSession.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final int LONGEST_PAUSE_SECONDS = 5;
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(LONGEST_PAUSE_SECONDS);

  /** Opens a new session on the same database, as the same user. */
  @FunctionalInterface
  interface Sessions {
    Session open() throws Exception;
  }

  /** A session that can commit a prepared branch by its id. */
  interface Session extends AutoCloseable {
    void commitPrepared(Xid xid) throws XAException;
  }

  /** The passing of time: real, or driven by a test. */
  interface Time {
    Time REAL =
        new Time() {
          @Override
          public long nanos() {
            return System.nanoTime();
          }

          @Override
          public void pause(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
          }
        };

    long nanos();

    void pause(Duration duration) throws InterruptedException;
  }

  private final Sessions sessions;
  private final String database;
  private final Duration patience;
  private final Time time;

  PhaseTwoOnFreshSession(Sessions sessions, String database, Duration patience, Time time) {
    this.sessions = sessions;
    this.database = database;
    this.patience = patience;
    this.time = time;
  }

  /**
   * Commits the prepared branch {@code xid}, whose commit on its own connection failed with {@code
   * lost}. Returns once it is committed, or once it is known not to be prepared any more (the
   * failed attempt may have committed it before the connection broke). Throws {@code lost} when the
   * patience runs out, naming the branch for an operator to commit by hand.
   */
  void commit(Xid xid, XAException lost) throws XAException {
    LOG.warning(
        () ->
            "The connection to "
                + database
                + " died in the second phase of "
                + globalId(xid)
                + " ("
                + lost.getMessage()
                + "); committing the prepared branch on a new session");
    long deadline = time.nanos() + patience.toNanos();
    Duration nextPause = FIRST_PAUSE;
    int attempt = 0;
    while (true) {
      attempt++;
      try (Session session = sessions.open()) {
        session.commitPrepared(xid);
        log(Level.WARNING, xid, "committed on a new session, attempt " + attempt);
        return;
      } catch (XAException failure) {
        if (failure.errorCode == XAException.XAER_NOTA) {
          log(Level.WARNING, xid, "no longer prepared: its first commit reached the database");
          return;
        }
        lost.addSuppressed(failure);
      } catch (Exception unreachable) {
        lost.addSuppressed(unreachable);
      }
      if (time.nanos() - deadline >= 0) {
        log(
            Level.SEVERE,
            xid,
            "still prepared after "
                + patience.toSeconds()
                + " s of attempts. Its transaction was committed: commit it by hand with COMMIT"
                + " PREPARED '"
                + globalId(xid)
                + "' in "
                + database);
        throw lost;
      }
      try {
        time.pause(nextPause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw lost;
      }
      nextPause = longer(nextPause);
    }
  }

  /** The pause after this one: twice as long, at most {@value #LONGEST_PAUSE_SECONDS} s. */
  static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
  }

  private void log(Level level, Xid xid, String what) {
    LOG.log(level, () -> "Branch " + globalId(xid) + " in " + database + ": " + what);
  }

  /** The branch's name in pg_prepared_xacts, as the driver writes it. */
  static String globalId(Xid xid) {
    Base64.Encoder base64 = Base64.getEncoder();
    return xid.getFormatId()
        + "_"
        + base64.encodeToString(xid.getGlobalTransactionId())
        + "_"
        + base64.encodeToString(xid.getBranchQualifier());
  }
}
