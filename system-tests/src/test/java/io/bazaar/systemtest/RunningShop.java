package io.bazaar.systemtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.bazaar.server.PayaraSettings;
import io.bazaar.server.SearchBackend;
import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import io.bazaar.server.ShopStack;
import io.bazaar.server.TcpPorts;
import io.bazaar.server.mail.ReceivedMail;
import io.bazaar.server.payment.Authorization;
import io.bazaar.systemtest.Databases.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real shop for the test JVM: PostgreSQL, Artemis, the document store, the SMTP server, the
 * payment sandbox and a Payara Micro member running the storefront (with the fault-injection jar,
 * which only acts on orders the tests mark), and OpenSearch when the search backend is OpenSearch.
 * Started on free ports in {@code bazaar.test.data} (target/it-data) before the first test class
 * that uses it, stopped when the JVM's tests are done.
 */
public final class RunningShop implements BeforeAllCallback, ParameterResolver {

  private static Shop shop;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ensureStarted(context);
  }

  /** Starts the shop once per JVM; it stops when the JVM's tests are done. */
  static synchronized Shop ensureStarted(ExtensionContext context) throws Exception {
    if (shop == null) {
      shop = Shop.start();
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .put(RunningShop.class, (ExtensionContext.Store.CloseableResource) shop::close);
    }
    return shop;
  }

  /** The shop this JVM started; only after an extension started it. */
  static synchronized Shop current() {
    if (shop == null) {
      throw new IllegalStateException("the shop has not been started");
    }
    return shop;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Shop.class;
  }

  /**
   * Starts the shop if need be: a class with one test instance per class is constructed before the
   * extension's {@code beforeAll}, so its constructor may be the first to ask.
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return ensureStarted(context);
    } catch (Exception notStarted) {
      throw new org.junit.jupiter.api.extension.ParameterResolutionException(
          "the shop did not start", notStarted);
    }
  }

  /** The running shop and what a test reads from it. */
  public static final class Shop {

    public final ShopStack stack;
    public final Api api;
    public final Databases databases;
    public final Catalogue catalogue;
    private final MongoClient documents;

    private Shop(ShopStack stack) {
      this.stack = stack;
      this.api = new Api(stack.httpBaseUri().resolve("/"));
      this.databases = Databases.of(stack);
      this.catalogue = new Catalogue(databases);
      this.documents = MongoClients.create(stack.documents().connectionString());
    }

    /** The generated catalog every system test runs beside (see CatalogGenerator). */
    public static final int DEMO_PRODUCTS = 1200;

    public static final long DEMO_SEED = 2026;

    public static final Duration CART_CLEANUP_EVERY = Duration.ofSeconds(2);

    /** How old a product page's availability may be here; no test changes stock behind its back. */
    public static final Duration SHOWN_AVAILABILITY_TTL = Duration.ofMinutes(10);

    /** Checkouts the member runs at once; CheckoutIT takes every turn. */
    public static final int CHECKOUT_CONCURRENCY = 4;

    /**
     * How long a checkout waits for a turn: well under the stock lock's timeout (10 s), so that
     * CheckoutIT's checkouts held behind a locked row still hold their turns when one more is
     * refused.
     */
    public static final Duration CHECKOUT_WAIT = Duration.ofSeconds(5);

    /**
     * Settings for a member of a test's own beside the shared one: its own name (its transaction
     * identity), grid and ports, so that what the test does to it touches no other test.
     */
    public PayaraSettings ownMember(String name) {
      return stack
          .payaraSettings()
          .copy()
          .nodeName(name)
          .clusterName(name + "-tests")
          .httpPort(TcpPorts.freePort())
          .gridPort(TcpPorts.freePort());
    }

    static Shop start() throws Exception {
      Path data = Path.of(System.getProperty("bazaar.test.data", "target/it-data"));
      deleteRecursively(data);
      ShopLayout layout = ShopLayout.locate();
      Path faultInjected =
          FaultInjectedStorefront.build(layout.storefrontWar(), data.resolve("web-storefront.war"));
      ShopSettings settings =
          ShopSettings.defaults(data.resolve("shop"), layout)
              .useFreePorts()
              .nodeName("it-1")
              .searchBackend(searchBackend())
              .storefrontWar(faultInjected)
              // The search tests assert rankings and counts on this fixed generated catalog.
              .demoCatalog(true)
              .environment("BAZAAR_DEMO_CATALOG_PRODUCTS", String.valueOf(DEMO_PRODUCTS))
              .environment("BAZAAR_DEMO_CATALOG_SEED", String.valueOf(DEMO_SEED))
              // CartExpiryIT waits for the expired-cart cleanup; an hour would be too long.
              .environment("BAZAAR_CART_CLEANUP_EVERY", CART_CLEANUP_EVERY.toString())
              // CheckoutIT shows that a checkout's change replaces the member's copy of shown
              // availability at once; with a short copy, it could expire during a cold member's
              // first checkout and the test would pass without that.
              .environment(
                  "BAZAAR_INVENTORY_SHOWN_AVAILABILITY_TTL", SHOWN_AVAILABILITY_TTL.toString())
              .environment(
                  "BAZAAR_ORDERING_CHECKOUT_CONCURRENCY", String.valueOf(CHECKOUT_CONCURRENCY))
              .environment("BAZAAR_ORDERING_CHECKOUT_WAIT", CHECKOUT_WAIT.toString())
              .onProgress(
                  step -> System.getLogger("system-tests").log(System.Logger.Level.INFO, step));
      return new Shop(ShopStack.start(settings));
    }

    /**
     * The search backend the shop runs with: {@code bazaar.test.search-backend}, lucene unless set
     * (system-tests' POM runs the search tests a second time with opensearch).
     */
    public static SearchBackend searchBackend() {
      return SearchBackend.parse(System.getProperty("bazaar.test.search-backend", "lucene"));
    }

    void close() {
      documents.close();
      stack.close();
    }

    /** Orders placed with this e-mail address. */
    public long ordersOf(String email) {
      return databases.count(
          Database.ORDERS, "select count(*) from ordering.customer_order where email = ?", email);
    }

    /** The number of the one order placed for this e-mail address. */
    public String orderNumberOf(String email) {
      return databases
          .query(
              Database.ORDERS, "select number from ordering.customer_order where email = ?", email)
          .get(0)
          .get("number")
          .toString();
    }

    /** Payment rows recorded for the order with this number. */
    public long paymentsOf(String orderNumber) {
      return databases.count(
          Database.PAYMENTS,
          "select count(*) from payment.payment where order_number = ?",
          orderNumber);
    }

    /** Whether the cart is still open, that is, no order consumed it. */
    public boolean cartIsOpen(String cartId) {
      return databases.count(
              Database.ORDERS,
              "select count(*) from cart.cart where id = ?::uuid and status = 'OPEN'",
              cartId)
          == 1;
    }

    public List<ReceivedMail> mailTo(String recipient) {
      return stack.mail().mails().stream().filter(mail -> mail.to().contains(recipient)).toList();
    }

    public List<Authorization> authorizationsOf(String orderNumber) {
      return stack.payments().authorizations(orderNumber);
    }

    public List<Document> notificationsOf(String orderNumber) {
      return documents("notifications", Filters.eq("orderNumber", orderNumber));
    }

    /** Documents of a collection of the document store that match a filter. */
    public List<Document> documents(String collection, org.bson.conversions.Bson filter) {
      return documents
          .getDatabase(stack.settings().documentDatabase())
          .getCollection(collection)
          .find(filter)
          .into(new java.util.ArrayList<>());
    }

    /** Waits for something the shop does asynchronously (the MDB, recovery). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
      Instant deadline = Instant.now().plus(timeout);
      while (!condition.getAsBoolean()) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for " + what);
        }
      }
    }
  }

  static void deleteRecursively(Path directory) throws java.io.IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
