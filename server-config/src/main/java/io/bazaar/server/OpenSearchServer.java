package io.bazaar.server;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * One OpenSearch node, run from the integration-test distribution as its own process, for the
 * shop's product index when the stack's search backend is {@link SearchBackend#OPENSEARCH}.
 *
 * <p>The first start unpacks the distribution into its home directory and installs the {@link
 * #MODULES} the product index needs, which that distribution lacks (full distributions have them).
 * Every start writes {@code config/opensearch.yml}: one node (single-node discovery), both ports on
 * 127.0.0.1, no disk watermarks (a nearly full build disk would otherwise make the index
 * read-only), and the heap. The distribution has no security plugin: plain HTTP, no users.
 *
 * <p>OpenSearch refuses to run as root. A stack running as root (containers, CI) starts it through
 * {@code setpriv} as {@link OpenSearchSettings#runAsUser()} and hands the home directory to that
 * user; every directory above the home must then be open to others ({@code o+x}).
 */
public final class OpenSearchServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(OpenSearchServer.class.getName());
  private static final String NAME = "OpenSearch";
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  /** Names the distribution the home was unpacked from, so a new version is unpacked again. */
  private static final String UNPACKED_MARKER = ".unpacked-from";

  private static final String DISTRIBUTION_PREFIX = "opensearch-";

  /** A module of the full distribution, installed from its jars. */
  private record Module(String name, String classname, String description) {}

  /**
   * Analyzers beyond the standard one (synonyms, stemming, ASCII folding, edge n-grams), the {@code
   * scaled_float} type of prices and ratings, and delete-by-query, with which Hibernate Search's
   * mass indexer empties an index.
   */
  static final List<Module> MODULES =
      List.of(
          new Module(
              "analysis-common",
              "org.opensearch.analysis.common.CommonAnalysisPlugin",
              "Analyzers, tokenizers and token filters beyond the standard ones"),
          new Module(
              "mapper-extras",
              "org.opensearch.index.mapper.MapperExtrasPlugin",
              "Field types such as scaled_float"),
          new Module(
              "reindex",
              "org.opensearch.index.reindex.ReindexPlugin",
              "Reindex, update-by-query and delete-by-query"));

  private final OpenSearchSettings settings;
  private final ServiceProcess process;

  public OpenSearchServer(OpenSearchSettings settings) {
    this.settings = settings;
    this.process = new ServiceProcess(NAME);
  }

  /**
   * Unpacks and configures the node if needed, starts it and waits until the cluster is at least
   * yellow. {@link #stop()} and {@link #kill()} work while this waits.
   */
  public OpenSearchServer start() throws IOException, InterruptedException {
    ChildProcess starting;
    synchronized (process) {
      if (process.isRunning()) {
        return this;
      }
      Path home = home();
      ChildProcess.stopLeftOver(NAME, pidFile(), identifyingArgument(home));
      TcpPorts.requireFree(settings.host(), settings.httpPort(), "OpenSearch");
      TcpPorts.requireFree(settings.host(), settings.transportPort(), "OpenSearch's transport");
      String version = unpack(home);
      installModules(home, version);
      writeConfiguration(home);
      List<String> command = new ArrayList<>();
      if (runsAsRoot()) {
        command.addAll(dropRoot(home));
      }
      command.add(home.resolve("bin/opensearch").toString());
      starting =
          ChildProcess.start(
              NAME,
              command,
              Map.of(
                  "OPENSEARCH_JAVA_HOME", settings.javaHome().toString(),
                  "OPENSEARCH_TMPDIR", home.resolve("tmp").toString()),
              home,
              settings.logFile(),
              pidFile(),
              identifyingArgument(home));
      process.set(starting);
    }
    try {
      awaitHealthy(starting);
    } catch (InterruptedException | RuntimeException e) {
      process.abandon(starting, STOP_GRACE);
      throw e;
    }
    LOG.log(
        Level.INFO,
        "OpenSearch (pid {0,number,#}) answers on {1}",
        starting.pid(),
        uri().toString());
    return this;
  }

  /** Graceful stop: SIGTERM, wait, then kill. */
  public void stop() {
    process.stop(STOP_GRACE);
  }

  /** kill -9, as a crash. */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return process.isRunning();
  }

  /** The OpenSearch JVM's process id. */
  public long pid() {
    return process.pid();
  }

  /** {@code host:port}, as Hibernate Search's {@code hibernate.search.backend.hosts} wants it. */
  public String hostAndPort() {
    return settings.host() + ":" + settings.httpPort();
  }

  /** {@code http://host:port}, without a trailing slash. */
  public URI uri() {
    return URI.create("http://" + hostAndPort());
  }

  public OpenSearchSettings settings() {
    return settings;
  }

  private Path home() {
    return settings.home().toAbsolutePath().normalize();
  }

  private Path pidFile() {
    Path home = home();
    return home.resolveSibling(home.getFileName() + ".pid");
  }

  /** bin/opensearch execs the JVM, whose command line names its home. */
  private static String identifyingArgument(Path home) {
    return "-Dopensearch.path.home=" + home;
  }

  /**
   * Unpacks the distribution, without its top-level directory, unless the home already holds this
   * one; {@code data/} and {@code logs/} stay. Returns the distribution's version.
   */
  private String unpack(Path home) throws IOException {
    Path zip = settings.distribution();
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "No OpenSearch distribution at " + zip + " (build it with `./mvnw -DskipTests install`)");
    }
    Path marker = home.resolve(UNPACKED_MARKER);
    try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
      String top = topDirectory(archive, zip);
      if (Files.exists(marker) && Files.readString(marker).strip().equals(top)) {
        return top.substring(DISTRIBUTION_PREFIX.length());
      }
      for (String part : List.of("bin", "config", "lib", "modules", "plugins")) {
        ArchiveFiles.deleteRecursively(home.resolve(part));
      }
      Files.createDirectories(home);
      Enumeration<ZipArchiveEntry> entries = archive.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        String name = entry.getName().substring(top.length() + 1);
        if (name.isEmpty()) {
          continue;
        }
        Path target = ArchiveFiles.target(home, name);
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (entry.getUnixMode() != 0) {
          Files.setPosixFilePermissions(target, ArchiveFiles.permissions(entry.getUnixMode()));
        }
      }
      Files.writeString(marker, top + "\n");
      LOG.log(Level.INFO, "Unpacked {0} into {1}", top, home);
      return top.substring(DISTRIBUTION_PREFIX.length());
    }
  }

  private static String topDirectory(ZipFile archive, Path zip) {
    Enumeration<ZipArchiveEntry> entries = archive.getEntries();
    if (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      int slash = name.indexOf('/');
      if (slash > 0 && name.startsWith(DISTRIBUTION_PREFIX)) {
        return name.substring(0, slash);
      }
    }
    throw new IllegalStateException(zip + " is not an OpenSearch distribution");
  }

  /** Each module's jars plus the descriptor the full distribution's build would have written. */
  private void installModules(Path home, String version) throws IOException {
    for (Module module : MODULES) {
      Path source = settings.modules().resolve(module.name());
      List<Path> jars;
      try (Stream<Path> files = Files.list(source)) {
        jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
      } catch (NoSuchFileException missing) {
        jars = List.of();
      }
      if (jars.isEmpty()) {
        throw new IllegalStateException(
            "No jars of OpenSearch's "
                + module.name()
                + " module in "
                + source
                + " (build it with `./mvnw -DskipTests install`)");
      }
      Path target = Files.createDirectories(home.resolve("modules").resolve(module.name()));
      for (Path jar : jars) {
        Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          target.resolve("plugin-descriptor.properties"),
          """
          description=%s
          version=%s
          name=%s
          classname=%s
          java.version=11
          opensearch.version=%s
          custom.foldername=
          extended.plugins=
          has.native.controller=false
          """
              .formatted(
                  module.description(), version, module.name(), module.classname(), version));
    }
  }

  private void writeConfiguration(Path home) throws IOException {
    Path config = home.resolve("config");
    Files.writeString(
        config.resolve("opensearch.yml"),
        """
        # Written by the shop's OpenSearchServer at every start; changes here are lost.
        cluster.name: bazaar
        node.name: bazaar-search
        network.host: %s
        http.port: %d
        transport.port: %d
        discovery.type: single-node
        cluster.routing.allocation.disk.threshold_enabled: false
        """
            .formatted(settings.host(), settings.httpPort(), settings.transportPort()));
    Files.writeString(
        Files.createDirectories(config.resolve("jvm.options.d")).resolve("heap.options"),
        "-Xms" + settings.heap() + "\n-Xmx" + settings.heap() + "\n");
    Files.createDirectories(home.resolve("tmp"));
  }

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * Gives the home to the unprivileged user and returns the command prefix that starts OpenSearch
   * as that user.
   */
  private List<String> dropRoot(Path home) throws IOException, InterruptedException {
    String user = settings.runAsUser();
    if (!Files.isExecutable(SETPRIV)) {
      throw new IllegalStateException(
          "OpenSearch refuses to run as root, and there is no "
              + SETPRIV
              + " to start it as "
              + user);
    }
    for (Path directory = home.getParent(); directory != null; directory = directory.getParent()) {
      if (!Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException(
            "OpenSearch runs as "
                + user
                + ", who cannot reach "
                + home
                + ": "
                + directory
                + " is closed to other users (chmod o+x it, or choose another data directory)");
      }
    }
    String uid = run("id", "-u", user);
    String gid = run("id", "-g", user);
    run("chown", "-R", uid + ":" + gid, home.toString());
    return List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
  }

  /** Runs a short command; returns its output, stripped. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
    }
    return output.strip();
  }

  private void awaitHealthy(ChildProcess node) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        throw new IllegalStateException(
            "OpenSearch exited during start-up with code " + node.exitValue() + logTail());
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "OpenSearch was not healthy on "
            + uri()
            + " within "
            + settings.startTimeout().toSeconds()
            + " s; it was stopped"
            + logTail());
  }

  private String logTail() {
    return "; last lines of "
        + settings.logFile()
        + ":\n"
        + ChildProcess.tail(settings.logFile(), 60);
  }
}
