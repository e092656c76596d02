package io.bazaar.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * Runs the local shop until Ctrl-C: {@code ./mvnw -Pshop -DskipTests install}, or {@code java -cp
 * ... io.bazaar.server.ShopLauncher} with server-config's runtime class path.
 *
 * <p>Every setting is a system property or an environment variable, the property first: {@code
 * bazaar.http.port} or {@code BAZAAR_HTTP_PORT}, and so on (see {@link #USAGE}). Data stays in one
 * directory across restarts, {@code data/} of the project by default.
 */
public final class ShopLauncher {

  static final String USAGE =
      """
      Usage: ShopLauncher [--help]
      Runs the Bazaar shop on 127.0.0.1 until Ctrl-C. Settings (system property bazaar.x.y or \
      environment variable BAZAAR_X_Y, with defaults):
        BAZAAR_DATA_DIR              <project>/data  all data and logs, kept across restarts
        BAZAAR_SHOP_DIR              server-config/target/shop, the built layout to run from
        BAZAAR_HTTP_PORT             8080      storefront, API, admin console, health
        BAZAAR_DB_PORT               15432     PostgreSQL
        BAZAAR_BROKER_PORT           61616     Artemis (core protocol)
        BAZAAR_MONGO_PORT            27027     document store (MongoDB protocol)
        BAZAAR_SMTP_PORT             3025      mail server, SMTP
        BAZAAR_IMAP_PORT             3143      mail server, IMAP
        BAZAAR_MAILBOX_PORT          8025      mailbox page
        BAZAAR_PAYMENT_SANDBOX_PORT  8090      payment provider sandbox
        BAZAAR_GRID_PORT             6900      Payara data grid (Hazelcast)
        BAZAAR_SEARCH_BACKEND        lucene    product index: lucene (embedded) or opensearch
        BAZAAR_OPENSEARCH_PORT       9200      OpenSearch HTTP, when the backend is opensearch
        BAZAAR_OPENSEARCH_TRANSPORT_PORT 9300  OpenSearch node-to-node
        BAZAAR_NODE_NAME             bazaar-1  Payara member name (its transaction identity)
        BAZAAR_DB_USER, BAZAAR_DB_PASSWORD          bazaar / bazaar
        BAZAAR_BROKER_USER, BAZAAR_BROKER_PASSWORD  bazaar / bazaar
        BAZAAR_ADMIN_EMAIL, BAZAAR_ADMIN_PASSWORD   admin@bazaar.local / %s
        BAZAAR_MAIL_FROM             Bazaar <orders@bazaar.local>
        BAZAAR_DEMO_CATALOG          true      fill an empty catalog with demo products
        BAZAAR_DEMO_CATALOG_PRODUCTS 10000     how many generated products (first start only)
        BAZAAR_DEMO_CATALOG_REVIEWS  true      with published reviews for about 2 in 5 of them
        BAZAAR_PAYARA_START_TIMEOUT  900       seconds to wait for /health/ready
      """
          .formatted(ShopSettings.DEMO_ADMIN_PASSWORD);

  private ShopLauncher() {}

  public static void main(String[] args) throws Exception {
    PrintStream console = System.out;
    if (args.length > 0) {
      boolean help = args[0].equals("--help") || args[0].equals("-h");
      (help ? console : System.err).print(USAGE);
      System.exit(help ? 0 : 2);
    }
    configureLogging();
    ShopSettings settings;
    try {
      settings = settingsFromEnvironment();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    console.println("Starting the Bazaar shop (data: " + settings.dataDirectory() + ")");
    settings.onProgress(step -> console.println("  " + step));
    ShopStack stack = new ShopStack(settings);
    runUntilStopped(
        console, "shop", stack::start, stack::close, () -> printAddresses(console, stack));
  }

  /** Something the launchers start, run until Ctrl-C and stop. */
  interface Start {
    void run() throws Exception;
  }

  /**
   * Starts, prints the addresses, and waits for Ctrl-C; the stop hook is in place before anything
   * starts, so a Ctrl-C during the start stops what already runs.
   */
  static void runUntilStopped(
      PrintStream console, String what, Start start, Runnable stop, Runnable printAddresses)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  console.println("Stopping the Bazaar " + what + " ...");
                  try {
                    stop.run();
                    console.println("Stopped.");
                  } catch (RuntimeException e) {
                    System.err.println("Stopping was not clean: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "bazaar-" + what + "-stop"));
    try {
      start.run();
    } catch (Exception e) {
      System.err.println("The " + what + " did not start: " + e.getMessage());
      System.exit(1);
    }
    printAddresses.run();
    stopped.await();
  }

  static ShopSettings settingsFromEnvironment() {
    Path dataDirectory = Path.of(setting("BAZAAR_DATA_DIR", defaultDataDirectory().toString()));
    String shopDirectory = setting("BAZAAR_SHOP_DIR", null);
    ShopLayout layout =
        shopDirectory == null ? ShopLayout.locate() : new ShopLayout(Path.of(shopDirectory));
    return ShopSettings.defaults(dataDirectory, layout)
        .httpPort(port("BAZAAR_HTTP_PORT", 8080))
        .postgresPort(port("BAZAAR_DB_PORT", 15432))
        .brokerPort(port("BAZAAR_BROKER_PORT", 61616))
        .documentStorePort(port("BAZAAR_MONGO_PORT", 27027))
        .smtpPort(port("BAZAAR_SMTP_PORT", 3025))
        .imapPort(port("BAZAAR_IMAP_PORT", 3143))
        .mailboxPort(port("BAZAAR_MAILBOX_PORT", 8025))
        .paymentSandboxPort(port("BAZAAR_PAYMENT_SANDBOX_PORT", 8090))
        .gridPort(port("BAZAAR_GRID_PORT", 6900))
        .searchBackend(SearchBackend.parse(setting("BAZAAR_SEARCH_BACKEND", "lucene")))
        .openSearchPort(port("BAZAAR_OPENSEARCH_PORT", 9200))
        .openSearchTransportPort(port("BAZAAR_OPENSEARCH_TRANSPORT_PORT", 9300))
        .nodeName(setting("BAZAAR_NODE_NAME", "bazaar-1"))
        .databaseCredentials(
            setting("BAZAAR_DB_USER", "bazaar"), setting("BAZAAR_DB_PASSWORD", "bazaar"))
        .brokerCredentials(
            setting("BAZAAR_BROKER_USER", "bazaar"), setting("BAZAAR_BROKER_PASSWORD", "bazaar"))
        .adminCredentials(
            setting("BAZAAR_ADMIN_EMAIL", "admin@bazaar.local"),
            setting("BAZAAR_ADMIN_PASSWORD", ShopSettings.DEMO_ADMIN_PASSWORD))
        .mailFrom(setting("BAZAAR_MAIL_FROM", "Bazaar <orders@bazaar.local>"))
        .demoCatalog(Boolean.parseBoolean(setting("BAZAAR_DEMO_CATALOG", "true")))
        .payaraStartTimeout(
            Duration.ofSeconds(Long.parseLong(setting("BAZAAR_PAYARA_START_TIMEOUT", "900"))));
  }

  /**
   * {@code data/} of the project the working directory is in (Maven runs the launcher from the
   * project root or from server-config), else of the working directory.
   */
  static Path defaultDataDirectory() {
    Path workingDirectory = Path.of("").toAbsolutePath();
    for (Path directory = workingDirectory; directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve("server-config/pom.xml"))) {
        return directory.resolve("data");
      }
    }
    return workingDirectory.resolve("data");
  }

  /** The system property {@code bazaar.x.y} for BAZAAR_X_Y, else the environment variable. */
  static String setting(String environmentName, String defaultValue) {
    String propertyName = environmentName.toLowerCase().replace('_', '.');
    String value = System.getProperty(propertyName, System.getenv(environmentName));
    return value == null || value.isBlank() ? defaultValue : value.strip();
  }

  private static int port(String environmentName, int defaultPort) {
    String value = setting(environmentName, Integer.toString(defaultPort));
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(environmentName + " must be a port number: " + value);
    }
  }

  private static void printAddresses(PrintStream console, ShopStack stack) {
    ShopSettings settings = stack.settings();
    String web = stack.httpBaseUri().toString();
    console.printf(
        """

        The Bazaar shop is running. Ctrl-C stops it; data and logs stay in %s
          Storefront       %s/
          API              %s/api/v1
          OpenAPI          %s/openapi
          Admin console    %s/admin   (demo admin: %s / %s)
          Health           %s/health
          Mailbox          %s   (SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d)
          Payment sandbox  %s/v1/authorizations
          PostgreSQL       %s (also %s, %s), user %s
          Broker           %s, user %s
          Documents        %s/%s
          Search           %s
          Payara member    %s, pid %d, log %s

        """,
        settings.dataDirectory(),
        web,
        web,
        web,
        web,
        settings.adminEmail(),
        settings.adminPassword(),
        web,
        stack.mail().mailboxUri(),
        settings.smtpPort(),
        settings.imapPort(),
        stack.payments().baseUri(),
        stack.ordersJdbcUrl(),
        settings.inventoryDatabase(),
        settings.paymentsDatabase(),
        settings.databaseUser(),
        stack.broker().url(),
        settings.brokerUser(),
        stack.documents().connectionString(),
        settings.documentDatabase(),
        stack.openSearch() == null
            ? "embedded Lucene, "
                + stack.payara().settings().rootDirectory().resolve("search-index")
            : "OpenSearch "
                + stack.openSearch().uri()
                + ", log "
                + settings.dataDirectory().resolve("opensearch.log"),
        settings.nodeName(),
        stack.payara().pid(),
        stack.payara().settings().logFile());
  }

  /** One line per message, and only warnings from the libraries, unless configured otherwise. */
  static void configureLogging() throws IOException {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream configuration =
        ShopLauncher.class.getResourceAsStream("shop-logging.properties")) {
      if (configuration != null) {
        LogManager.getLogManager().readConfiguration(configuration);
      }
    }
  }
}
