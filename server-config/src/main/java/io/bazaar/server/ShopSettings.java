package io.bazaar.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything {@link ShopStack} needs: the data directory, the layout to run from, every port, the
 * credentials and the application settings. Created with the launcher's fixed ports by {@link
 * #defaults}; tests call {@link #useFreePorts()} so they never collide with a running shop.
 */
public final class ShopSettings {

  /** The demo administrator's password; printed by the launcher, overridable. */
  public static final String DEMO_ADMIN_PASSWORD = "bazaar-demo-admin";

  private final Path dataDirectory;
  private final ShopLayout layout;
  private int httpPort = 8080;
  private int postgresPort = 15432;
  private int postgresMaxConnections = 300;
  private int brokerPort = 61616;
  private int documentStorePort = 27027;
  private int smtpPort = 3025;
  private int imapPort = 3143;
  private int mailboxPort = 8025;
  private int paymentSandboxPort = 8090;
  private int gridPort = 6900;
  private SearchBackend searchBackend = SearchBackend.LUCENE;
  private int openSearchPort = 9200;
  private int openSearchTransportPort = 9300;
  private String databaseUser = "bazaar";
  private String databasePassword = "bazaar";
  private String ordersDatabase = "orders";
  private String inventoryDatabase = "inventory";
  private String paymentsDatabase = "payments";
  private String brokerUser = "bazaar";
  private String brokerPassword = "bazaar";
  private String documentDatabase = "bazaar";
  private String nodeName = "bazaar-1";
  private String clusterName;
  private String mailFrom = "Bazaar <orders@bazaar.local>";
  private String adminEmail = "admin@bazaar.local";
  private String adminPassword = DEMO_ADMIN_PASSWORD;
  private boolean demoCatalog;
  private boolean withPayara = true;
  private Path storefrontWar;
  private Path adminConsoleWar;
  private List<String> payaraJvmOptions = List.of("-Xmx1g");
  private Duration payaraStartTimeout = Duration.ofSeconds(240);
  private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final List<PayaraSettings.Deployment> extraDeployments = new ArrayList<>();
  private Consumer<String> progress = message -> {};

  private ShopSettings(Path dataDirectory, ShopLayout layout) {
    this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    this.layout = Objects.requireNonNull(layout);
  }

  /**
   * The launcher's settings: HTTP 8080, PostgreSQL 15432, broker 61616, documents 27027, SMTP 3025,
   * IMAP 3143, mailbox 8025, payment sandbox 8090, data grid 6900; search on embedded Lucene
   * (OpenSearch, when chosen, on 9200 and 9300); demo catalog off.
   */
  public static ShopSettings defaults(Path dataDirectory, ShopLayout layout) {
    return new ShopSettings(dataDirectory, layout);
  }

  /** Moves every service to a free port. */
  public ShopSettings useFreePorts() {
    httpPort = TcpPorts.freePort();
    postgresPort = TcpPorts.freePort();
    brokerPort = TcpPorts.freePort();
    documentStorePort = TcpPorts.freePort();
    smtpPort = TcpPorts.freePort();
    imapPort = TcpPorts.freePort();
    mailboxPort = TcpPorts.freePort();
    paymentSandboxPort = TcpPorts.freePort();
    gridPort = TcpPorts.freePortRange(PayaraSettings.GRID_PORT_COUNT);
    openSearchPort = TcpPorts.freePort();
    openSearchTransportPort = TcpPorts.freePort();
    return this;
  }

  public ShopSettings httpPort(int port) {
    this.httpPort = port;
    return this;
  }

  public ShopSettings postgresPort(int port) {
    this.postgresPort = port;
    return this;
  }

  public ShopSettings brokerPort(int port) {
    this.brokerPort = port;
    return this;
  }

  public ShopSettings documentStorePort(int port) {
    this.documentStorePort = port;
    return this;
  }

  public ShopSettings smtpPort(int port) {
    this.smtpPort = port;
    return this;
  }

  public ShopSettings imapPort(int port) {
    this.imapPort = port;
    return this;
  }

  public ShopSettings mailboxPort(int port) {
    this.mailboxPort = port;
    return this;
  }

  public ShopSettings paymentSandboxPort(int port) {
    this.paymentSandboxPort = port;
    return this;
  }

  public ShopSettings gridPort(int port) {
    this.gridPort = port;
    return this;
  }

  /**
   * Where the product index lives: embedded Lucene in each Payara member, or an OpenSearch server
   * the stack starts and the members share.
   */
  public ShopSettings searchBackend(SearchBackend backend) {
    this.searchBackend = Objects.requireNonNull(backend);
    return this;
  }

  /** OpenSearch's HTTP port, when the search backend is OpenSearch. */
  public ShopSettings openSearchPort(int port) {
    this.openSearchPort = port;
    return this;
  }

  /** OpenSearch's node-to-node port, when the search backend is OpenSearch. */
  public ShopSettings openSearchTransportPort(int port) {
    this.openSearchTransportPort = port;
    return this;
  }

  public ShopSettings databaseCredentials(String user, String password) {
    this.databaseUser = Objects.requireNonNull(user);
    this.databasePassword = Objects.requireNonNull(password);
    return this;
  }

  public ShopSettings databaseNames(String orders, String inventory, String payments) {
    this.ordersDatabase = Objects.requireNonNull(orders);
    this.inventoryDatabase = Objects.requireNonNull(inventory);
    this.paymentsDatabase = Objects.requireNonNull(payments);
    return this;
  }

  /** Fixed when the broker instance is first created in the data directory. */
  public ShopSettings brokerCredentials(String user, String password) {
    this.brokerUser = Objects.requireNonNull(user);
    this.brokerPassword = Objects.requireNonNull(password);
    return this;
  }

  public ShopSettings documentDatabase(String name) {
    this.documentDatabase = Objects.requireNonNull(name);
    return this;
  }

  /** The Payara member's name: its transaction identity. Never rename a member with a live log. */
  public ShopSettings nodeName(String name) {
    this.nodeName = Objects.requireNonNull(name);
    return this;
  }

  public ShopSettings clusterName(String name) {
    this.clusterName = name;
    return this;
  }

  public ShopSettings mailFrom(String from) {
    this.mailFrom = Objects.requireNonNull(from);
    return this;
  }

  public ShopSettings adminCredentials(String email, String password) {
    this.adminEmail = Objects.requireNonNull(email);
    this.adminPassword = Objects.requireNonNull(password);
    return this;
  }

  /** Whether the shop fills an empty catalog with demo products (BAZAAR_DEMO_CATALOG). */
  public ShopSettings demoCatalog(boolean enabled) {
    this.demoCatalog = enabled;
    return this;
  }

  /**
   * PostgreSQL's {@code max_connections}: at least every member's pools at their maximum together
   * ({@link PayaraSettings#DATABASE_CONNECTIONS_PER_MEMBER}), or a burst that fills the pools is
   * refused connections, readiness checks included.
   */
  public ShopSettings postgresMaxConnections(int connections) {
    if (connections < 10) {
      throw new IllegalArgumentException("PostgreSQL needs at least 10 connections");
    }
    this.postgresMaxConnections = connections;
    return this;
  }

  public int postgresMaxConnections() {
    return postgresMaxConnections;
  }

  /** Start only the services around Payara, e.g. for tests that run their own server. */
  public ShopSettings withoutPayara() {
    this.withPayara = false;
    return this;
  }

  /** Deploy this WAR at {@code /} instead of the layout's web-storefront.war. */
  public ShopSettings storefrontWar(Path war) {
    this.storefrontWar = war.toAbsolutePath();
    return this;
  }

  /** Deploy this WAR at {@code /admin} instead of the layout's admin-console.war. */
  public ShopSettings adminConsoleWar(Path war) {
    this.adminConsoleWar = war.toAbsolutePath();
    return this;
  }

  /** Deploy one more application. */
  public ShopSettings deploy(Path archive, String contextRoot, String name) {
    extraDeployments.add(
        new PayaraSettings.Deployment(archive.toAbsolutePath(), contextRoot, name));
    return this;
  }

  /** An extra environment variable for Payara; overrides the stack's own value of that name. */
  public ShopSettings environment(String name, String value) {
    extraEnvironment.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  public ShopSettings systemProperty(String name, String value) {
    systemProperties.put(name, Objects.requireNonNull(value, name));
    return this;
  }

  public ShopSettings payaraJvmOptions(List<String> options) {
    this.payaraJvmOptions = List.copyOf(options);
    return this;
  }

  public ShopSettings payaraStartTimeout(Duration timeout) {
    this.payaraStartTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** Receives one line per start-up step, e.g. for a console. */
  public ShopSettings onProgress(Consumer<String> listener) {
    this.progress = Objects.requireNonNull(listener);
    return this;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public ShopLayout layout() {
    return layout;
  }

  public int httpPort() {
    return httpPort;
  }

  public int postgresPort() {
    return postgresPort;
  }

  public int brokerPort() {
    return brokerPort;
  }

  public int documentStorePort() {
    return documentStorePort;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  public int mailboxPort() {
    return mailboxPort;
  }

  public int paymentSandboxPort() {
    return paymentSandboxPort;
  }

  public int gridPort() {
    return gridPort;
  }

  public SearchBackend searchBackend() {
    return searchBackend;
  }

  public int openSearchPort() {
    return openSearchPort;
  }

  public int openSearchTransportPort() {
    return openSearchTransportPort;
  }

  public String databaseUser() {
    return databaseUser;
  }

  public String databasePassword() {
    return databasePassword;
  }

  public String ordersDatabase() {
    return ordersDatabase;
  }

  public String inventoryDatabase() {
    return inventoryDatabase;
  }

  public String paymentsDatabase() {
    return paymentsDatabase;
  }

  public String brokerUser() {
    return brokerUser;
  }

  public String brokerPassword() {
    return brokerPassword;
  }

  public String documentDatabase() {
    return documentDatabase;
  }

  public String nodeName() {
    return nodeName;
  }

  /** Null means derived from the HTTP port (see {@link PayaraSettings#clusterName(String)}). */
  public String clusterName() {
    return clusterName;
  }

  public String mailFrom() {
    return mailFrom;
  }

  public String adminEmail() {
    return adminEmail;
  }

  public String adminPassword() {
    return adminPassword;
  }

  public boolean demoCatalog() {
    return demoCatalog;
  }

  public boolean withPayara() {
    return withPayara;
  }

  public Path storefrontWar() {
    return storefrontWar != null ? storefrontWar : layout.storefrontWar();
  }

  public Path adminConsoleWar() {
    return adminConsoleWar != null ? adminConsoleWar : layout.adminConsoleWar();
  }

  public List<String> payaraJvmOptions() {
    return payaraJvmOptions;
  }

  public Duration payaraStartTimeout() {
    return payaraStartTimeout;
  }

  public Map<String, String> extraEnvironment() {
    return Collections.unmodifiableMap(extraEnvironment);
  }

  public Map<String, String> systemProperties() {
    return Collections.unmodifiableMap(systemProperties);
  }

  public List<PayaraSettings.Deployment> extraDeployments() {
    return Collections.unmodifiableList(extraDeployments);
  }

  Consumer<String> progress() {
    return progress;
  }
}
