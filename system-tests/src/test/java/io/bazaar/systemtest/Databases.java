package io.bazaar.systemtest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.postgresql.xa.PGXADataSource;

/** Reads and seeds the three databases directly, the way an auditor would check them. */
public final class Databases {

  public enum Database {
    ORDERS,
    INVENTORY,
    PAYMENTS
  }

  private final Map<Database, String> urls;
  private final String user;
  private final String password;

  /** The three databases of a running stack (its services, for a cluster). */
  static Databases of(io.bazaar.server.ShopStack stack) {
    return new Databases(
        Map.of(
            Database.ORDERS, stack.ordersJdbcUrl(),
            Database.INVENTORY, stack.inventoryJdbcUrl(),
            Database.PAYMENTS, stack.paymentsJdbcUrl()),
        stack.settings().databaseUser(),
        stack.settings().databasePassword());
  }

  Databases(Map<Database, String> urls, String user, String password) {
    this.urls = urls;
    this.user = user;
    this.password = password;
  }

  public Connection connect(Database database) throws SQLException {
    return DriverManager.getConnection(urls.get(database), user, password);
  }

  public List<Map<String, Object>> query(Database database, String sql, Object... parameters) {
    try (Connection connection = connect(database);
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<Map<String, Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public long count(Database database, String sql, Object... parameters) {
    Object value = query(database, sql, parameters).get(0).values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  public BigDecimal sum(Database database, String sql, Object... parameters) {
    Object value = query(database, sql, parameters).get(0).values().iterator().next();
    return value == null ? BigDecimal.ZERO : (BigDecimal) value;
  }

  public int update(Database database, String sql, Object... parameters) {
    try (Connection connection = connect(database);
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Prepared XA branches left in any of the three databases: must be 0 when nothing is in flight.
   */
  public long preparedTransactions() {
    return preparedTransactions(Database.values());
  }

  /** Branches prepared and not yet committed or rolled back in the databases given. */
  public long preparedTransactions(Database... databases) {
    long prepared = 0;
    for (Database database : databases) {
      prepared +=
          count(
              database,
              "select count(*) from pg_prepared_xacts where database = current_database()");
    }
    return prepared;
  }

  /**
   * Prepares, by hand, a transaction branch that reads nothing, named as Payara names the branches
   * of {@code member}: what a member leaves behind when its connection dies during a rollback.
   */
  public PreparedBranch prepareBranch(Database database, String member) throws Exception {
    PGXADataSource source = new PGXADataSource();
    source.setUrl(urls.get(database));
    source.setUser(user);
    source.setPassword(password);
    XAConnection connection = source.getXAConnection();
    try {
      Xid xid =
          new BranchId(
              4871251,
              UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII),
              (member + ",server,P100,").getBytes(StandardCharsets.US_ASCII));
      XAResource branch = connection.getXAResource();
      branch.start(xid, XAResource.TMNOFLAGS);
      try (Statement statement = connection.getConnection().createStatement()) {
        statement.execute("select 1");
      }
      branch.end(xid, XAResource.TMSUCCESS);
      branch.prepare(xid);
      return new PreparedBranch(connection, xid);
    } catch (Exception | AssertionError failed) {
      connection.close();
      throw failed;
    }
  }

  private record BranchId(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier)
      implements Xid {}

  /** A branch prepared by {@link #prepareBranch}; closing rolls it back if nobody else has. */
  public static final class PreparedBranch implements AutoCloseable {
    private final XAConnection connection;
    private final Xid xid;

    private PreparedBranch(XAConnection connection, Xid xid) {
      this.connection = connection;
      this.xid = xid;
    }

    public void rollBack() throws XAException, SQLException {
      connection.getXAResource().rollback(xid);
    }

    @Override
    public void close() throws Exception {
      try {
        rollBack();
      } catch (XAException failed) {
        // Already resolved (by a member's recovery, or an earlier rollBack): PostgreSQL answers
        // that no such prepared transaction exists (undefined_object).
        boolean alreadyResolved =
            failed.errorCode == XAException.XAER_NOTA
                || failed.getCause() instanceof SQLException sql
                    && "42704".equals(sql.getSQLState());
        if (!alreadyResolved) {
          throw failed;
        }
      } finally {
        connection.close();
      }
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
