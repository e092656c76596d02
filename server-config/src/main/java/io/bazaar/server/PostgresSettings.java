package io.bazaar.server;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to run the shop's PostgreSQL server.
 *
 * @param dataDirectory the cluster's data directory; kept across restarts
 * @param logFile where the server's output goes
 * @param port the TCP port on 127.0.0.1
 * @param user the login role the applications use; created if absent
 * @param password that role's password
 * @param databases databases owned by the role; created if absent
 * @param maxConnections PostgreSQL's {@code max_connections}
 * @param maxPreparedTransactions PostgreSQL's {@code max_prepared_transactions}; XA needs it above
 *     zero, and a prepared branch holds one slot until the transaction manager resolves it
 */
public record PostgresSettings(
    Path dataDirectory,
    Path logFile,
    int port,
    String user,
    String password,
    List<String> databases,
    int maxConnections,
    int maxPreparedTransactions) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public PostgresSettings {
    databases = List.copyOf(databases);
    requireIdentifier(user);
    databases.forEach(PostgresSettings::requireIdentifier);
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("The database password must not be empty");
    }
    if (maxPreparedTransactions < 1) {
      throw new IllegalArgumentException("XA needs max_prepared_transactions of at least 1");
    }
  }

  /**
   * The same server with another {@code max_connections}, and at least as many prepared
   * transactions: with XA every connection may hold one in the middle of its commit.
   */
  public PostgresSettings withMaxConnections(int connections) {
    return new PostgresSettings(
        dataDirectory,
        logFile,
        port,
        user,
        password,
        databases,
        connections,
        Math.max(maxPreparedTransactions, connections));
  }

  /** The shop's defaults: 300 connections, 100 prepared transactions. */
  public static PostgresSettings of(
      Path dataDirectory,
      Path logFile,
      int port,
      String user,
      String password,
      List<String> databases) {
    return new PostgresSettings(dataDirectory, logFile, port, user, password, databases, 300, 100);
  }

  /**
   * Names go into SQL as identifiers, unquoted; plain lower-case names keep them safe there and
   * identical in JDBC URLs and asadmin properties.
   */
  private static void requireIdentifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a plain PostgreSQL name ([a-z_][a-z0-9_]*, at most 63 characters)");
    }
  }
}
