package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

  @TempDir Path data;

  @Test
  void createsTheDatabasesForXaAndKeepsTheirDataAcrossRestartsAndCrashes() throws Exception {
    PostgresSettings settings =
        PostgresSettings.of(
            data.resolve("postgres"),
            data.resolve("postgres.log"),
            TcpPorts.freePort(),
            "bazaar",
            "secret",
            List.of("orders", "inventory", "payments"));

    try (PostgresServer server = new PostgresServer(settings).start()) {
      for (String database : settings.databases()) {
        try (Connection connection = server.dataSource(database).getConnection();
            Statement statement = connection.createStatement()) {
          assertThat(single(statement, "SHOW max_prepared_transactions")).isEqualTo("100");
          assertThat(single(statement, "SHOW max_connections")).isEqualTo("300");
          assertThat(single(statement, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
          assertThat(
                  single(
                      statement,
                      "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
              .isEqualTo("bazaar");
        }
      }
      try (Connection connection = server.dataSource("orders").getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE shop_order (number text PRIMARY KEY)");
        statement.execute("INSERT INTO shop_order VALUES ('BZ-1')");
        statement.execute("BEGIN");
        statement.execute("INSERT INTO shop_order VALUES ('BZ-2')");
        statement.execute("PREPARE TRANSACTION 'bazaar-test-branch'");
      }
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(server.jdbcUrl("orders"), "bazaar", "wrong").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }

    PostgresServer server = new PostgresServer(settings).start();
    try (Connection connection = server.dataSource("orders").getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "SELECT gid FROM pg_prepared_xacts"))
          .as("a prepared branch survives the restart, waiting for the transaction manager")
          .isEqualTo("bazaar-test-branch");
      statement.execute("COMMIT PREPARED 'bazaar-test-branch'");
    }
    long postmaster = server.pid();
    server.kill();
    assertThat(ProcessHandle.of(postmaster)).isEmpty();

    try (PostgresServer restarted = server.start();
        Connection connection = restarted.dataSource("orders").getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(
              single(statement, "SELECT string_agg(number, ',' ORDER BY number) FROM shop_order"))
          .as("committed data survives kill -9")
          .isEqualTo("BZ-1,BZ-2");
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, settings.port())).isFalse();
  }

  @Test
  void refusesNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(
            () ->
                PostgresSettings.of(
                    data, data.resolve("log"), 5432, "bazaar", "x", List.of("orders; DROP")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
