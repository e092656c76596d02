package io.bazaar.server;

import io.bazaar.server.mail.MailServer;
import io.bazaar.server.payment.PaymentSandbox;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole local shop on 127.0.0.1: PostgreSQL, the Artemis broker, the document store, OpenSearch
 * (when it is the {@linkplain ShopSettings#searchBackend search backend}), the mail server, the
 * payment sandbox and a Payara Micro member running the shop's applications, started in that order
 * and stopped in reverse. The launcher runs it until Ctrl-C; integration tests start one with
 * {@link ShopSettings#useFreePorts()} and a temporary data directory.
 *
 * <p>Files in the data directory: {@code postgres/}, {@code artemis/}, {@code documents.mv}, {@code
 * opensearch/}, {@code payment-sandbox.json}, {@code jwt/}, the Payara member's files (see {@link
 * PayaraSettings}) and the logs {@code postgres.log}, {@code artemis.log}, {@code opensearch.log},
 * {@code payara-<node>.log.0} and {@code payara-<node>.out}.
 */
public final class ShopStack implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ShopStack.class.getName());

  private final ShopSettings settings;
  // Volatile: a shutdown hook closes the stack while the start may still be running.
  private volatile PostgresServer postgres;
  private volatile ArtemisBroker broker;
  private volatile DocumentStore documents;
  private volatile OpenSearchServer openSearch;
  private volatile MailServer mail;
  private volatile PaymentSandbox payments;
  private volatile PayaraMember payara;
  private volatile JwtKeys jwtKeys;
  private volatile boolean closing;

  /**
   * A stack not yet started; {@link #close()} may be registered, e.g. as a shutdown hook, first.
   */
  public ShopStack(ShopSettings settings) {
    this.settings = settings;
  }

  /** Creates and {@linkplain #start() starts} a stack. */
  public static ShopStack start(ShopSettings settings) throws IOException, InterruptedException {
    return new ShopStack(settings).start();
  }

  /**
   * Starts every service in order; if one fails, stops those already started and rethrows. A {@link
   * #close()} from another thread (Ctrl-C) stops what runs and ends the start.
   */
  public ShopStack start() throws IOException, InterruptedException {
    settings.layout().requireComplete(settings.withPayara(), usesOpenSearch());
    try {
      startServices();
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  private void startServices() throws IOException, InterruptedException {
    Path data = Files.createDirectories(settings.dataDirectory());

    report("PostgreSQL on 127.0.0.1:" + settings.postgresPort());
    requireOpen();
    postgres =
        new PostgresServer(
            PostgresSettings.of(
                    data.resolve("postgres"),
                    data.resolve("postgres.log"),
                    settings.postgresPort(),
                    settings.databaseUser(),
                    settings.databasePassword(),
                    List.of(
                        settings.ordersDatabase(),
                        settings.inventoryDatabase(),
                        settings.paymentsDatabase()))
                .withMaxConnections(settings.postgresMaxConnections()));
    try {
      postgres.start();
    } catch (SQLException e) {
      throw new IOException("Could not prepare the PostgreSQL databases", e);
    }
    stopIfClosing(postgres);

    report("Artemis broker on 127.0.0.1:" + settings.brokerPort());
    requireOpen();
    broker =
        new ArtemisBroker(
            BrokerSettings.of(
                settings.layout().artemisDistribution(),
                data.resolve("artemis"),
                settings.layout().brokerXml(),
                data.resolve("artemis.log"),
                settings.brokerPort(),
                settings.brokerUser(),
                settings.brokerPassword()));
    broker.start();
    stopIfClosing(broker);

    report("Document store on 127.0.0.1:" + settings.documentStorePort());
    requireOpen();
    documents = new DocumentStore(data.resolve("documents.mv"), settings.documentStorePort());
    documents.start();
    stopIfClosing(documents);

    if (usesOpenSearch()) {
      report("OpenSearch on 127.0.0.1:" + settings.openSearchPort());
      requireOpen();
      openSearch =
          new OpenSearchServer(
              OpenSearchSettings.of(
                  settings.layout().openSearchDistribution(),
                  settings.layout().openSearchModules(),
                  data.resolve("opensearch"),
                  data.resolve("opensearch.log"),
                  settings.openSearchPort(),
                  settings.openSearchTransportPort()));
      openSearch.start();
      stopIfClosing(openSearch);
    }

    report(
        "Mail server on 127.0.0.1:"
            + settings.smtpPort()
            + " (SMTP), "
            + settings.imapPort()
            + " (IMAP)");
    requireOpen();
    mail = new MailServer(settings.smtpPort(), settings.imapPort(), settings.mailboxPort());
    mail.start();
    stopIfClosing(mail);

    report("Payment sandbox on 127.0.0.1:" + settings.paymentSandboxPort());
    requireOpen();
    payments =
        new PaymentSandbox(data.resolve("payment-sandbox.json"), settings.paymentSandboxPort());
    payments.start();
    stopIfClosing(payments);

    jwtKeys = JwtKeys.loadOrCreate(data.resolve("jwt"));
    if (settings.withPayara()) {
      requireFile(settings.storefrontWar(), "storefront WAR");
      requireFile(settings.adminConsoleWar(), "admin console WAR");
      PayaraSettings payaraSettings = payaraSettings();
      report(
          "Payara Micro member "
              + settings.nodeName()
              + " on 127.0.0.1:"
              + settings.httpPort()
              + " (up to "
              + settings.payaraStartTimeout().toSeconds()
              + " s; log: "
              + payaraSettings.logFile()
              + ")");
      requireOpen();
      payara = new PayaraMember(payaraSettings);
      payara.start();
      stopIfClosing(payara);
    }
  }

  private boolean usesOpenSearch() {
    return settings.searchBackend() == SearchBackend.OPENSEARCH;
  }

  private void requireOpen() {
    if (closing) {
      throw new IllegalStateException("The shop is stopping");
    }
  }

  /**
   * A {@link #close()} from another thread may have looked at the services just before this one was
   * recorded. Both fields are volatile: either the close saw the service, or the start sees the
   * close.
   */
  private void stopIfClosing(AutoCloseable service) {
    if (closing) {
      try {
        service.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Could not stop a service started while the shop was stopping", e);
      }
      throw new IllegalStateException("The shop is stopping");
    }
  }

  /** The Payara member's settings as the stack derives them; a base for a second member. */
  public PayaraSettings payaraSettings() {
    ShopLayout layout = settings.layout();
    PayaraSettings payaraSettings =
        new PayaraSettings(
                layout.payaraMicroJar(), layout.payaraTemplates(), settings.dataDirectory())
            .nodeName(settings.nodeName())
            .clusterName(settings.clusterName())
            .httpPort(settings.httpPort())
            .gridPort(settings.gridPort())
            .libraries(layout.serverLibraries())
            .jvmOptions(settings.payaraJvmOptions())
            .startTimeout(settings.payaraStartTimeout())
            .environment(payaraEnvironment());
    settings.systemProperties().forEach(payaraSettings::systemProperty);
    settings
        .extraDeployments()
        .forEach(d -> payaraSettings.deploy(d.archive(), d.contextRoot(), d.name()));
    return payaraSettings;
  }

  /**
   * The environment the Payara member runs with: the names the command files reference and the
   * applications' MicroProfile Config settings. Tests that run their own server give it these.
   */
  public Map<String, String> payaraEnvironment() {
    if (jwtKeys == null) {
      throw new IllegalStateException("The stack has not started");
    }
    String loopback = TcpPorts.LOOPBACK;
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("BAZAAR_BROKER_HOST", loopback);
    environment.put("BAZAAR_BROKER_PORT", Integer.toString(settings.brokerPort()));
    environment.put("BAZAAR_BROKER_USER", settings.brokerUser());
    environment.put("BAZAAR_BROKER_PASSWORD", settings.brokerPassword());
    environment.put("BAZAAR_RESOURCE_ADAPTER", settings.layout().resourceAdapter().toString());
    environment.put("BAZAAR_DB_HOST", loopback);
    environment.put("BAZAAR_DB_PORT", Integer.toString(settings.postgresPort()));
    environment.put("BAZAAR_DB_USER", settings.databaseUser());
    environment.put("BAZAAR_DB_PASSWORD", settings.databasePassword());
    environment.put("BAZAAR_ORDERS_DB", settings.ordersDatabase());
    environment.put("BAZAAR_INVENTORY_DB", settings.inventoryDatabase());
    environment.put("BAZAAR_PAYMENTS_DB", settings.paymentsDatabase());
    environment.put("BAZAAR_STOREFRONT_WAR", settings.storefrontWar().toString());
    environment.put("BAZAAR_ADMIN_WAR", settings.adminConsoleWar().toString());
    environment.put("JNOSQL_MONGODB_HOST", loopback + ":" + settings.documentStorePort());
    // The storefront configures JNoSQL with a connection string; short timeouts make a stopped
    // document store fail a request in seconds rather than half a minute.
    environment.put(
        "JNOSQL_MONGODB_URL",
        "mongodb://"
            + loopback
            + ":"
            + settings.documentStorePort()
            + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=3000");
    environment.put("JNOSQL_DOCUMENT_DATABASE", settings.documentDatabase());
    environment.put("BAZAAR_MAIL_SMTP_HOST", loopback);
    environment.put("BAZAAR_MAIL_SMTP_PORT", Integer.toString(settings.smtpPort()));
    environment.put("BAZAAR_MAIL_FROM", settings.mailFrom());
    environment.put(
        "BAZAAR_PAYMENT_PROVIDER_URL", "http://" + loopback + ":" + settings.paymentSandboxPort());
    environment.putAll(searchEnvironment());
    environment.put("BAZAAR_DEMO_CATALOG", Boolean.toString(settings.demoCatalog()));
    environment.put("BAZAAR_ADMIN_EMAIL", settings.adminEmail());
    environment.put("BAZAAR_ADMIN_PASSWORD", settings.adminPassword());
    environment.put("BAZAAR_API_URL", httpBaseUri() + "/api/v1");
    environment.put("MP_JWT_VERIFY_PUBLICKEY", jwtKeys.publicKeyPem());
    environment.put("MP_JWT_VERIFY_ISSUER", "bazaar");
    environment.put("BAZAAR_JWT_SIGNING_KEY", jwtKeys.privateKeyPem());
    environment.putAll(settings.extraEnvironment());
    return environment;
  }

  /**
   * Hibernate Search's backend (web-storefront's microprofile-config.properties holds the rest),
   * always named: a variable inherited from the launcher's environment must not choose it.
   */
  private Map<String, String> searchEnvironment() {
    if (!usesOpenSearch()) {
      return Map.of("HIBERNATE_SEARCH_BACKEND_TYPE", "lucene");
    }
    return Map.of(
        "HIBERNATE_SEARCH_BACKEND_TYPE", "elasticsearch",
        "HIBERNATE_SEARCH_BACKEND_HOSTS", TcpPorts.LOOPBACK + ":" + settings.openSearchPort(),
        "HIBERNATE_SEARCH_BACKEND_PROTOCOL", "http");
  }

  /**
   * Stops every service in reverse start order; failures are logged and the rest still stop. Only
   * the first call stops; the stack cannot start again.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    List<Exception> failures = new ArrayList<>();
    stopQuietly("Payara Micro", payara, failures);
    stopQuietly("payment sandbox", payments, failures);
    stopQuietly("mail server", mail, failures);
    stopQuietly("OpenSearch", openSearch, failures);
    stopQuietly("document store", documents, failures);
    stopQuietly("Artemis broker", broker, failures);
    stopQuietly("PostgreSQL", postgres, failures);
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("Not every service stopped cleanly");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private void stopQuietly(String name, AutoCloseable service, List<Exception> failures) {
    if (service == null) {
      return;
    }
    report("Stopping " + name);
    try {
      service.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not stop the " + name, e);
      failures.add(e);
    }
  }

  public ShopSettings settings() {
    return settings;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public ArtemisBroker broker() {
    return broker;
  }

  public DocumentStore documents() {
    return documents;
  }

  /** The OpenSearch server, or null when the search backend is Lucene. */
  public OpenSearchServer openSearch() {
    return openSearch;
  }

  /** The mail server: {@code mail().mails()} are the messages the shop sent. */
  public MailServer mail() {
    return mail;
  }

  /** The payment provider sandbox: {@code payments().authorizations()} and {@code reset()}. */
  public PaymentSandbox payments() {
    return payments;
  }

  /** The Payara member, or null if started {@link ShopSettings#withoutPayara()}. */
  public PayaraMember payara() {
    return payara;
  }

  public String ordersJdbcUrl() {
    return postgres.jdbcUrl(settings.ordersDatabase());
  }

  public String inventoryJdbcUrl() {
    return postgres.jdbcUrl(settings.inventoryDatabase());
  }

  public String paymentsJdbcUrl() {
    return postgres.jdbcUrl(settings.paymentsDatabase());
  }

  public String brokerHost() {
    return TcpPorts.LOOPBACK;
  }

  public int brokerPort() {
    return settings.brokerPort();
  }

  public int documentStorePort() {
    return settings.documentStorePort();
  }

  /** {@code http://127.0.0.1:<http port>}, without a trailing slash. */
  public URI httpBaseUri() {
    return URI.create("http://" + TcpPorts.LOOPBACK + ":" + settings.httpPort());
  }

  private void report(String step) {
    settings.progress().accept(step);
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No " + what + " at " + file);
    }
  }
}
