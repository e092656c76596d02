package io.bazaar.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run one Payara Micro member. Read at every {@link PayaraMember#start()}, so a test may
 * change it (another WAR, another variable) and restart the member on the same root directory.
 *
 * <p>Files of a member named {@code N} under the data directory: {@code payara-N/} (the root
 * directory: configuration and transaction log, kept across restarts), {@code payara-N-boot/} (the
 * rendered command files and hazelcast.xml), {@code payara-N.log.0} (the server log, see {@link
 * #logFile()}) and {@code payara-N.out} (the JVM's console).
 */
public final class PayaraSettings {

  /** An application deployed in addition to those of the post-boot command file. */
  public record Deployment(Path archive, String contextRoot, String name) {
    public Deployment {
      Objects.requireNonNull(archive, "archive");
      Objects.requireNonNull(contextRoot, "contextRoot");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The member's name is its transaction identity ({@code xa-servername}) and part of file names:
   * short, stable, no commas or white space.
   */
  /** The grid tries its port and the next ones (hazelcast.xml's {@code port-count}). */
  static final int GRID_PORT_COUNT = 20;

  /**
   * The most database connections one member opens: its three JDBC pools (orders, inventory,
   * payments) at {@code --maxpoolsize 48} each in post-boot-commands.asadmin, and their recovery
   * pools at 2 each. PostgreSQL's {@code max_connections} must cover every member's.
   */
  public static final int DATABASE_CONNECTIONS_PER_MEMBER = 3 * 48 + 3 * 2;

  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  private final Path payaraMicroJar;
  private final Path templateDirectory;
  private final Path dataDirectory;
  private String nodeName = "bazaar-1";
  private String httpAddress = TcpPorts.LOOPBACK;
  private int httpPort = 8080;
  private String clusterName;
  private int gridPort = 6900;
  private String gridMembers = TcpPorts.LOOPBACK;
  private String gridInterface = TcpPorts.LOOPBACK;
  private final List<Path> libraries = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
  private final List<Deployment> deployments = new ArrayList<>();
  private Duration startTimeout = Duration.ofSeconds(240);
  private Duration stopTimeout = Duration.ofSeconds(60);
  private String readinessPath = "/health/ready";
  private String readinessCheck = "databases";
  private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");

  /**
   * @param payaraMicroJar payara-micro.jar
   * @param templateDirectory holds pre-boot-commands.asadmin, post-boot-commands.asadmin and
   *     hazelcast.xml
   * @param dataDirectory where the member's files go
   */
  public PayaraSettings(Path payaraMicroJar, Path templateDirectory, Path dataDirectory) {
    this.payaraMicroJar = payaraMicroJar.toAbsolutePath();
    this.templateDirectory = templateDirectory.toAbsolutePath();
    this.dataDirectory = dataDirectory.toAbsolutePath();
  }

  /** An independent copy, e.g. as the start of a second member's settings. */
  public PayaraSettings copy() {
    PayaraSettings copy = new PayaraSettings(payaraMicroJar, templateDirectory, dataDirectory);
    copy.nodeName = nodeName;
    copy.httpAddress = httpAddress;
    copy.httpPort = httpPort;
    copy.clusterName = clusterName;
    copy.gridPort = gridPort;
    copy.gridMembers = gridMembers;
    copy.gridInterface = gridInterface;
    copy.libraries.addAll(libraries);
    copy.environment.putAll(environment);
    copy.systemProperties.putAll(systemProperties);
    copy.jvmOptions.clear();
    copy.jvmOptions.addAll(jvmOptions);
    copy.deployments.addAll(deployments);
    copy.startTimeout = startTimeout;
    copy.stopTimeout = stopTimeout;
    copy.readinessPath = readinessPath;
    copy.readinessCheck = readinessCheck;
    copy.javaExecutable = javaExecutable;
    return copy;
  }

  public PayaraSettings nodeName(String name) {
    if (name == null || !NODE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A member name must be 1 to 40 letters, digits, '.', '_' or '-' (no commas, no spaces),"
              + " and must never change while the member may hold prepared transactions: '"
              + name
              + "'");
    }
    this.nodeName = name;
    return this;
  }

  public PayaraSettings httpAddress(String address) {
    this.httpAddress = Objects.requireNonNull(address);
    return this;
  }

  public PayaraSettings httpPort(int port) {
    this.httpPort = port;
    return this;
  }

  /**
   * The data grid's cluster name. Members with different names never join each other, which keeps a
   * running shop and a test run on the same machine apart; by default it is derived from the HTTP
   * port, unique per machine.
   */
  public PayaraSettings clusterName(String name) {
    this.clusterName = name;
    return this;
  }

  /** The first grid port; Hazelcast tries the next 19 if it is taken. */
  public PayaraSettings gridPort(int port) {
    this.gridPort = port;
    return this;
  }

  /** Comma-separated addresses of the grid members, e.g. {@code 127.0.0.1}. */
  public PayaraSettings gridMembers(String members) {
    this.gridMembers = Objects.requireNonNull(members);
    return this;
  }

  public PayaraSettings gridInterface(String address) {
    this.gridInterface = Objects.requireNonNull(address);
    return this;
  }

  /** A jar for the server's class path ({@code --addlibs}), e.g. the JDBC driver. */
  public PayaraSettings library(Path jar) {
    libraries.add(jar.toAbsolutePath());
    return this;
  }

  public PayaraSettings libraries(List<Path> jars) {
    jars.forEach(this::library);
    return this;
  }

  /**
   * An environment variable of the member: read by the command files as {@code ${ENV=NAME}} and by
   * the applications through MicroProfile Config.
   */
  public PayaraSettings environment(String name, String value) {
    environment.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  public PayaraSettings environment(Map<String, String> variables) {
    variables.forEach(this::environment);
    return this;
  }

  public PayaraSettings systemProperty(String name, String value) {
    systemProperties.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  /** Replaces the JVM options; the default is {@code -Xmx1g}. */
  public PayaraSettings jvmOptions(List<String> options) {
    jvmOptions.clear();
    jvmOptions.addAll(options);
    return this;
  }

  /** Deploys one more application after those of the post-boot command file. */
  public PayaraSettings deploy(Path archive, String contextRoot, String name) {
    deployments.add(new Deployment(archive.toAbsolutePath(), contextRoot, name));
    return this;
  }

  public PayaraSettings startTimeout(Duration timeout) {
    this.startTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  public PayaraSettings stopTimeout(Duration timeout) {
    this.stopTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** The path answering 200 once the member and its applications are ready. */
  public PayaraSettings readinessPath(String path) {
    this.readinessPath = Objects.requireNonNull(path);
    return this;
  }

  /**
   * The name of a readiness check that the storefront registers: the readiness answer must list it,
   * because Payara answers 200 with no checks at all when no application registered any.
   */
  public PayaraSettings readinessCheck(String name) {
    this.readinessCheck = Objects.requireNonNull(name);
    return this;
  }

  public PayaraSettings javaExecutable(Path java) {
    this.javaExecutable = Objects.requireNonNull(java);
    return this;
  }

  public Path payaraMicroJar() {
    return payaraMicroJar;
  }

  public Path templateDirectory() {
    return templateDirectory;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public String nodeName() {
    return nodeName;
  }

  public String httpAddress() {
    return httpAddress;
  }

  public int httpPort() {
    return httpPort;
  }

  public String clusterName() {
    return clusterName != null ? clusterName : "bazaar-" + httpPort;
  }

  public int gridPort() {
    return gridPort;
  }

  public String gridMembers() {
    return gridMembers;
  }

  public String gridInterface() {
    return gridInterface;
  }

  public List<Path> libraries() {
    return Collections.unmodifiableList(libraries);
  }

  public Map<String, String> environment() {
    return Collections.unmodifiableMap(environment);
  }

  public Map<String, String> systemProperties() {
    return Collections.unmodifiableMap(systemProperties);
  }

  public List<String> jvmOptions() {
    return Collections.unmodifiableList(jvmOptions);
  }

  public List<Deployment> deployments() {
    return Collections.unmodifiableList(deployments);
  }

  public Duration startTimeout() {
    return startTimeout;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  public String readinessPath() {
    return readinessPath;
  }

  public String readinessCheck() {
    return readinessCheck;
  }

  public Path javaExecutable() {
    return javaExecutable;
  }

  /** The fixed, persistent root directory: it holds the transaction log. */
  public Path rootDirectory() {
    return dataDirectory.resolve("payara-" + nodeName);
  }

  /** Where the rendered command files and hazelcast.xml go. */
  public Path bootDirectory() {
    return dataDirectory.resolve("payara-" + nodeName + "-boot");
  }

  /**
   * The current server log. {@code --logtofile payara-N.log} makes Payara Micro log through a
   * rotating java.util.logging file handler: it writes {@code payara-N.log.0} and keeps up to nine
   * older files of 1 MB, {@code .1} to {@code .9}.
   */
  public Path logFile() {
    return dataDirectory.resolve("payara-" + nodeName + ".log.0");
  }

  Path logFileArgument() {
    return dataDirectory.resolve("payara-" + nodeName + ".log");
  }

  /** Where the logs of a member's earlier lives go, one directory per life (see MemberLogs). */
  public Path logArchiveDirectory() {
    return dataDirectory.resolve("payara-" + nodeName + "-logs");
  }

  /** The log files of the current life: the rotated server logs and the console. */
  List<Path> currentLogFiles() throws IOException {
    String serverLog = logFileArgument().getFileName().toString() + ".";
    List<Path> files = new ArrayList<>();
    try (var listing = Files.list(dataDirectory)) {
      listing
          .filter(file -> file.getFileName().toString().startsWith(serverLog))
          .forEach(files::add);
    }
    if (Files.exists(consoleFile())) {
      files.add(consoleFile());
    }
    return files;
  }

  /** The JVM's standard output and error. */
  public Path consoleFile() {
    return dataDirectory.resolve("payara-" + nodeName + ".out");
  }

  Path pidFile() {
    return dataDirectory.resolve("payara-" + nodeName + ".pid");
  }
}
