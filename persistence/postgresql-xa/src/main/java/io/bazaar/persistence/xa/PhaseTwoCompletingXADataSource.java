package io.bazaar.persistence.xa;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.postgresql.core.BaseConnection;
import org.postgresql.xa.PGXAConnection;
import org.postgresql.xa.PGXADataSource;

/**
 * PostgreSQL's XA data source, for the pools of the orders, inventory and payments databases, whose
 * second phase outlives the branch's connection.
 *
 * <p>Why: when the connection that prepared a branch dies before {@code COMMIT PREPARED} (the
 * database restarts, or its backend is terminated), the driver reports a failure and Payara's
 * transaction service gives up on the branch: it keeps a retry in memory only and logs the
 * transaction as completed. If the member then restarts, its recovery finds the branch prepared,
 * presumes abort and rolls it back, although the other branches (the OrderPlaced message) were
 * committed. A prepared branch is not tied to its connection, though: PostgreSQL commits it by its
 * id from any session. So the connections made here commit such a branch on a fresh session,
 * retrying while the database is unreachable, for up to {@link #setPhaseTwoRetrySeconds} seconds.
 *
 * <p>Named in the pools' {@code --datasourceclassname}; set the patience with the pool property
 * {@code phaseTwoRetrySeconds}. The pools used only by recovery also set {@code
 * connectRetrySeconds} (see {@link ConnectingUntilReachable}); the shop's own pools fail a
 * connection at once, so that a request is refused rather than held while the database is down.
 */
public class PhaseTwoCompletingXADataSource extends PGXADataSource {

  private static final long serialVersionUID = 1L;

  static final int DEFAULT_PHASE_TWO_RETRY_SECONDS = 300;

  private int phaseTwoRetrySeconds = DEFAULT_PHASE_TWO_RETRY_SECONDS;

  private int connectRetrySeconds;

  @Override
  public XAConnection getXAConnection(String user, String password) throws SQLException {
    BaseConnection connection =
        new ConnectingUntilReachable(
                Duration.ofSeconds(connectRetrySeconds), PhaseTwoOnFreshSession.Time.REAL)
            .connect(() -> (BaseConnection) getConnection(user, password), getDatabaseName());
    PhaseTwoOnFreshSession freshSession =
        new PhaseTwoOnFreshSession(
            () -> new DriverSession(getConnection(user, password)),
            getDatabaseName(),
            Duration.ofSeconds(phaseTwoRetrySeconds),
            PhaseTwoOnFreshSession.Time.REAL);
    return new PhaseTwoCompletingXAConnection(connection, freshSession);
  }

  /** How long a decided commit keeps trying to reach the database (a pool property). */
  public void setPhaseTwoRetrySeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("phaseTwoRetrySeconds must not be negative: " + seconds);
    }
    this.phaseTwoRetrySeconds = seconds;
  }

  public int getPhaseTwoRetrySeconds() {
    return phaseTwoRetrySeconds;
  }

  /**
   * How long opening a connection keeps trying while the database cannot be reached (a pool
   * property): 0, the default, tries once; -1 tries until it answers.
   */
  public void setConnectRetrySeconds(int seconds) {
    if (seconds < -1) {
      throw new IllegalArgumentException("connectRetrySeconds must be -1 or more: " + seconds);
    }
    this.connectRetrySeconds = seconds;
  }

  public int getConnectRetrySeconds() {
    return connectRetrySeconds;
  }

  /** A new session of the driver's, used for one COMMIT PREPARED. */
  private static final class DriverSession implements PhaseTwoOnFreshSession.Session {
    private final PGXAConnection session;

    DriverSession(Connection connection) throws SQLException {
      this.session = new PGXAConnection((BaseConnection) connection);
    }

    @Override
    public void commitPrepared(Xid xid) throws XAException {
      session.commit(xid, false);
    }

    @Override
    public void close() throws SQLException {
      session.close();
    }
  }

  @Override
  public String getDescription() {
    return "XA data source (phase two completed on a fresh session) from " + super.getDescription();
  }
}
