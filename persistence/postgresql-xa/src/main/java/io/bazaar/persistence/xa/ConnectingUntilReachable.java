package io.bazaar.persistence.xa;

import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Opens a connection, trying again while the database server cannot be reached (connection refused,
 * or the server still starting), for as long as the patience allows; any other failure (a wrong
 * password, a missing database) is thrown at once, as waiting would not mend it.
 *
 * <p>Why: the transaction service's recovery at a member's start asks every pool for the branches
 * prepared in its database. A pool that cannot connect is skipped, and the decision to commit its
 * branches is forgotten with the rest of the transaction's log record, so a database that is
 * restarting at that moment would later see its committed transaction's branch rolled back. The
 * recovery pools wait for the database instead.
 */
final class ConnectingUntilReachable {

  private static final Logger LOG = Logger.getLogger(ConnectingUntilReachable.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

  /** One attempt to open a connection. */
  @FunctionalInterface
  interface Attempt<T> {
    T connect() throws SQLException;
  }

  private final Duration patience;
  private final PhaseTwoOnFreshSession.Time time;

  /**
   * @param patience how long to keep trying; negative for as long as it takes, zero for one attempt
   */
  ConnectingUntilReachable(Duration patience, PhaseTwoOnFreshSession.Time time) {
    this.patience = patience;
    this.time = time;
  }

  <T> T connect(Attempt<T> attempt, String database) throws SQLException {
    long deadline = time.nanos() + patience.toNanos();
    Duration nextPause = FIRST_PAUSE;
    boolean told = false;
    while (true) {
      try {
        return attempt.connect();
      } catch (SQLException failure) {
        boolean patient = patience.isNegative() || time.nanos() - deadline < 0;
        if (!unreachable(failure) || !patient) {
          throw failure;
        }
        if (!told) {
          LOG.warning(
              () ->
                  "Database "
                      + database
                      + " cannot be reached ("
                      + failure.getMessage()
                      + "); waiting for it, as recovery must not skip it");
          told = true;
        }
      }
      try {
        time.pause(nextPause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for " + database, "08001", interrupted);
      }
      nextPause = PhaseTwoOnFreshSession.longer(nextPause);
    }
  }

  /** SQLSTATE class 08 (no connection), or 57P03: the server is starting or shutting down. */
  static boolean unreachable(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P03"));
  }
}
