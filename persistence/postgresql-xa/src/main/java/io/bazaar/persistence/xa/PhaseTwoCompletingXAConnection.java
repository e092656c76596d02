package io.bazaar.persistence.xa;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.postgresql.core.BaseConnection;
import org.postgresql.xa.PGXAConnection;

/**
 * PostgreSQL's XA connection (it is its own XAResource) whose two-phase commit, when this
 * connection has died, is completed by {@link PhaseTwoOnFreshSession}. Extending the driver's class
 * rather than wrapping it keeps the pool's connection events and {@code isSameRM} untouched.
 */
class PhaseTwoCompletingXAConnection extends PGXAConnection {

  private final BaseConnection connection;
  private final PhaseTwoOnFreshSession freshSession;

  PhaseTwoCompletingXAConnection(BaseConnection connection, PhaseTwoOnFreshSession freshSession)
      throws SQLException {
    super(connection);
    this.connection = connection;
    this.freshSession = freshSession;
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    try {
      super.commit(xid, onePhase);
    } catch (XAException failure) {
      // A one-phase commit was never prepared: with its connection, the transaction is gone.
      if (onePhase || !connectionLost(failure)) {
        throw failure;
      }
      freshSession.commit(xid, failure);
    }
  }

  private boolean connectionLost(XAException failure) {
    if (failure.errorCode == XAException.XAER_RMFAIL) {
      return true;
    }
    try {
      // The driver reports some losses (the server shutting down) as XAER_RMERR.
      return connection.isClosed();
    } catch (SQLException unknown) {
      return true;
    }
  }
}
