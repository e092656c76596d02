package io.bazaar.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A transaction branch whose commit, the first of the second phase, terminates the PostgreSQL
 * sessions of the shop's XA pools: the sessions holding the orders, inventory and payments branches
 * die after they prepared and before they are told to commit, as when the database restarts in
 * phase two. Reaches the database with the member's own settings.
 */
public class ConnectionKillingXAResource extends InjectedBranch {

  private static final String TERMINATE_POOL_SESSIONS =
      "select count(pg_terminate_backend(pid)) from pg_stat_activity"
          + " where application_name in ('bazaar-orders', 'bazaar-inventory', 'bazaar-payments')"
          + " and pid <> pg_backend_pid()";

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setServerNames(new String[] {System.getenv("BAZAAR_DB_HOST")});
    database.setPortNumbers(new int[] {Integer.parseInt(System.getenv("BAZAAR_DB_PORT"))});
    database.setDatabaseName(System.getenv("BAZAAR_ORDERS_DB"));
    database.setUser(System.getenv("BAZAAR_DB_USER"));
    database.setPassword(System.getenv("BAZAAR_DB_PASSWORD"));
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(TERMINATE_POOL_SESSIONS);
    } catch (SQLException failed) {
      XAException notInjected = new XAException(XAException.XAER_RMERR);
      notInjected.initCause(failed);
      throw notInjected;
    }
  }
}
