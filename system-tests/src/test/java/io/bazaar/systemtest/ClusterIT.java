package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.server.ClusterStack;
import io.bazaar.server.NginxBalancer;
import io.bazaar.server.PayaraMember;
import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import io.bazaar.server.ShopStack;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.Databases.PreparedBranch;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A two-member Payara Micro cluster behind nginx, on the shared services with OpenSearch: both
 * members serve; checkouts retried with their Idempotency-Key through a kill -9 of a member leave
 * every order exactly once, and the supervisor brings the member back; a rolling restart serves
 * every request meanwhile; sessions (a page sign-in, recently viewed products, a back-office
 * sign-in with its role) outlive the member that started them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration CART_CLEANUP_EVERY = Duration.ofSeconds(2);

  private static ClusterStack cluster;
  private static Api api;

  private static Databases databases;
  private static Catalogue catalogue;

  @BeforeAll
  static void startCluster() throws Exception {
    Path data = freshClusterData("it-data-cluster");
    ShopSettings settings =
        ShopSettings.defaults(data, ShopLayout.locate())
            .useFreePorts()
            .environment("BAZAAR_CART_CLEANUP_EVERY", CART_CLEANUP_EVERY.toString())
            // The last test leaves a branch prepared; 10 s instead of 90 s before it counts.
            .environment("BAZAAR_TRANSACTIONS_IN_DOUBT_LIMIT", "PT10S")
            .onProgress(step -> System.getLogger("cluster").log(System.Logger.Level.INFO, step));
    cluster = new ClusterStack(settings, 2).start();
    ShopStack services = cluster.services();
    api = new Api(cluster.baseUri().resolve("/"));
    databases = Databases.of(services);
    catalogue = new Catalogue(databases);
  }

  /**
   * An empty data directory for a cluster test, beside the single shop's; skips the test where
   * nginx is missing (CI always has it, and fails instead).
   */
  static Path freshClusterData(String name) throws java.io.IOException {
    Assumptions.assumeTrue(
        NginxBalancer.isInstalled() || System.getenv("CI") != null,
        "nginx is not installed (apt-get install nginx-light)");
    Path data =
        Path.of(System.getProperty("bazaar.test.data", "target/it-data")).resolveSibling(name);
    RunningShop.deleteRecursively(data);
    return data;
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Waits until both members run, are ready and get requests (a restart takes about a minute). */
  private static void awaitRouted(int members) {
    try {
      RunningShop.Shop.await(
          members + " members serving",
          Duration.ofSeconds(240),
          () -> cluster.members().size() == members && cluster.allMembersServing());
    } catch (AssertionError notServing) {
      throw new AssertionError(
          notServing.getMessage() + "; " + ClusterDiagnosis.of(cluster), notServing);
    }
  }

  @Test
  @Order(1)
  void bothMembersAreReadyAndServeThroughTheBalancer() {
    awaitRouted(2);
    for (PayaraMember member : cluster.members()) {
      Reply ready = new Api(member.baseUri().resolve("/")).get("health/ready");
      assertThat(ready.status()).as(member.nodeName() + ": " + ready.body()).isEqualTo(200);
    }
    Reply categories = api.get("api/v1/categories");
    assertThat(categories.status()).isEqualTo(200);
    assertThat(api.get("admin/login.xhtml").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void theExpiredCartCleanupRunsOncePerPeriodForTheWholeCluster() {
    awaitRouted(2);
    Instant since = Instant.now();
    // Both members' timers fire every period; without the claim, runs would come in pairs.
    RunningShop.Shop.await(
        "six cleanup runs",
        Duration.ofSeconds(60),
        () ->
            databases.count(
                    Database.ORDERS,
                    "select count(*) from scheduling.job_run where job = 'expired-cart-cleanup'"
                        + " and started_at > ? and finished_at is not null",
                    java.sql.Timestamp.from(since))
                >= 6);
    List<Map<String, Object>> runs =
        databases.query(
            Database.ORDERS,
            "select member, started_at, failure from scheduling.job_run"
                + " where job = 'expired-cart-cleanup' and started_at > ? order by started_at",
            java.sql.Timestamp.from(since));
    Duration shortestGap = CART_CLEANUP_EVERY.multipliedBy(9).dividedBy(10);
    for (int i = 1; i < runs.size(); i++) {
      Instant previous = ((java.sql.Timestamp) runs.get(i - 1).get("started_at")).toInstant();
      Instant next = ((java.sql.Timestamp) runs.get(i).get("started_at")).toInstant();
      assertThat(Duration.between(previous, next)).as(runs.toString()).isGreaterThan(shortestGap);
    }
    assertThat(runs).allSatisfy(run -> assertThat(run.get("failure")).isNull());
    assertThat(runs).allSatisfy(run -> assertThat(run.get("member")).isIn("bazaar-1", "bazaar-2"));
  }

  /**
   * Product details are cached on the data grid: a detail one member read is what the other member
   * shows, even after its row was changed behind the shop's back (here by SQL); a change made
   * through the shop (a published review changes the rating) evicts it on every member (on the
   * others within a second), and the availability is live all along. The category tree is cached
   * per catalog version, so a product added, however it was added, counts at once on both members.
   */
  @Test
  @Order(3)
  void catalogReadsAreCachedOnTheDataGridAndFollowTheShopsChanges() {
    awaitRouted(2);
    Api first = new Api(cluster.member(0).baseUri().resolve("/"));
    Api second = new Api(cluster.member(1).baseUri().resolve("/"));
    String category = catalogue.category("Cached lamps");
    String sku = catalogue.productWithStock(category, "19.00", 3, 0);
    String product = Catalogue.productSlugOf(sku);
    assertThat(productCount(second, category)).isEqualTo(1);

    JsonObject detail = first.get("api/v1/products/" + product).json();
    String name = detail.getString("name");
    databases.update(
        Database.INVENTORY,
        "update catalog.product set name = name || ' (renamed)' where slug = ?",
        product);
    databases.update(
        Database.INVENTORY, "update inventory.stock_level set on_hand = 1 where sku = ?", sku);
    JsonObject cached = second.get("api/v1/products/" + product).json();
    assertThat(cached.getString("name"))
        .as("the first member's copy, from the grid")
        .isEqualTo(name);
    assertThat(cached.getJsonArray("variants").getJsonObject(0).getInt("available"))
        .as("availability is live")
        .isEqualTo(1);

    Api.Customer reviewer = api.newCustomer("Cache Reviewer");
    Reply review =
        first.writeReview(product, reviewer, Api.reviewBody(4, "Bright", "Lights well."));
    assertThat(review.status()).as(review.body()).isIn(200, 201);
    JsonObject onTheWritersMember = first.get("api/v1/products/" + product).json();
    assertThat(onTheWritersMember.getString("name")).isEqualTo(name + " (renamed)");
    assertThat(onTheWritersMember.getJsonObject("rating").getInt("count")).isEqualTo(1);
    // The other member drops the copy it keeps near when the grid's invalidation reaches it.
    RunningShop.Shop.await(
        "the other member's copy evicted",
        Duration.ofSeconds(1),
        () -> {
          JsonObject fresh = second.get("api/v1/products/" + product).json();
          return fresh.getString("name").equals(name + " (renamed)")
              && fresh.getJsonObject("rating").getInt("count") == 1;
        });

    catalogue.productWithStock(category, "21.00", 1, 0);
    assertThat(productCount(first, category)).isEqualTo(2);
    assertThat(productCount(second, category)).isEqualTo(2);
  }

  /**
   * Each member keeps a copy of the availability its product pages show (minutes long), and a sale
   * committed on one member tells the others to read it again: the other member's page shows the
   * sale within a second, not when its copy expires.
   */
  @Test
  @Order(3)
  void aSaleOnOneMemberShowsOnTheOtherMembersPagesWithinASecond() {
    awaitRouted(2);
    Api first = new Api(cluster.member(0).baseUri().resolve("/"));
    Api second = new Api(cluster.member(1).baseUri().resolve("/"));
    String sku = catalogue.productWithStock("15.00", 3, 0);
    String product = Catalogue.productSlugOf(sku);
    assertThat(availableOn(second, product)).isEqualTo(3);
    assertThat(availableOn(second, product)).as("from the second member's copy").isEqualTo(3);

    Reply sale = first.checkout(first.cartWith(sku, 1), "two-members@example.org");
    assertThat(sale.status()).as(sale.body()).isEqualTo(201);

    assertThat(availableOn(first, product)).as("the selling member, at once").isEqualTo(2);
    RunningShop.Shop.await(
        "the sale on the other member's page",
        Duration.ofSeconds(1),
        () -> availableOn(second, product) == 2);
  }

  private static int availableOn(Api member, String product) {
    Reply page = member.get("api/v1/products/" + product);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("variants").getJsonObject(0).getInt("available");
  }

  private static long productCount(Api member, String category) {
    Reply categories = member.get("api/v1/categories");
    assertThat(categories.status()).isEqualTo(200);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(categories.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("slug").equals(category))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no category " + category + " on " + member))
          .getJsonNumber("productCount")
          .longValue();
    }
  }

  /**
   * A shopper signed in on the pages with a cart, and a member of staff signed in to the back
   * office, both on one member: the other member knows them, also after the first was killed with
   * kill -9, and so does the first once it is back. Staff keep their role, not only their name (the
   * trap of the container's own remembered login). The recently viewed products, a cookie of the
   * browser's, follow the shopper to every member as well.
   */
  @Test
  @Order(4)
  void sessionsOutliveTheMemberThatStartedThem() {
    awaitRouted(2);
    URI first = cluster.member(1).baseUri().resolve("/");
    URI other = cluster.member(0).baseUri().resolve("/");
    Api.Customer customer = api.newCustomer("Rosa Replica");
    String inCart = catalogue.productWithStock("3.10", 5, 0);
    // In the order viewed; the product put in the cart is viewed last, on its page, again.
    List<String> viewed =
        List.of(
            Catalogue.productSlugOf(catalogue.productWithStock("3.20", 1, 0)),
            Catalogue.productSlugOf(inCart));

    PageVisitor shopper = new PageVisitor();
    Reply signedIn =
        shopper.submit(
            first.resolve("account/sign-in.xhtml"),
            "signIn",
            Map.of("signIn:email", customer.email(), "signIn:password", customer.password()),
            "signIn:submit");
    assertThat(signedIn.body()).contains("Hello, Rosa Replica");
    for (String slug : viewed) {
      assertThat(shopper.get(first.resolve("api/v1/products/" + slug)).status()).isEqualTo(200);
    }
    Reply cart =
        shopper.submit(
            first.resolve("product/index.xhtml?slug=" + viewed.get(1)),
            "buy",
            Map.of("slug", viewed.get(1), "buy:variant", inCart, "buy:quantity", "2"),
            "buy:addToCart");
    assertThat(cart.body()).contains("data-sku=\"" + inCart + "\"");
    PageVisitor staff = new PageVisitor();
    Reply dashboard =
        staff.submit(
            first.resolve("admin/login.xhtml"),
            "signIn",
            Map.of(
                "signIn:email", cluster.settings().adminEmail(),
                "signIn:password", cluster.settings().adminPassword()),
            "signIn:signInButton");
    assertThat(dashboard.body()).contains("<h1>Dashboard</h1>");

    assertSessionsKnownOn(other, shopper, staff, viewed, inCart);
    cluster.member(1).kill();
    assertSessionsKnownOn(other, shopper, staff, viewed, inCart);
    awaitRouted(2);
    assertSessionsKnownOn(first, shopper, staff, viewed, inCart);
  }

  private static void assertSessionsKnownOn(
      URI member, PageVisitor shopper, PageVisitor staff, List<String> viewed, String inCart) {
    Reply home = shopper.get(member);
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).as("signed in on " + member).contains("Hello, Rosa Replica");
    Reply cart = shopper.get(member.resolve("cart/index.xhtml"));
    assertThat(cart.body())
        .as("the guest cart on " + member)
        .contains("data-sku=\"" + inCart + "\"", "Subtotal (2 items)");
    Reply recentlyViewed = shopper.get(member.resolve("api/v1/recently-viewed"));
    assertThat(recentlyViewed.body())
        .as("recently viewed on " + member)
        .contains("\"" + viewed.get(1) + "\"", "\"" + viewed.get(0) + "\"");
    assertThat(recentlyViewed.body().indexOf(viewed.get(1)))
        .as("most recent first")
        .isLessThan(recentlyViewed.body().indexOf(viewed.get(0)));
    Reply dashboard = staff.get(member.resolve("admin/"));
    assertThat(dashboard.status()).as("back office on " + member).isEqualTo(200);
    assertThat(dashboard.body()).contains("<h1>Dashboard</h1>").doesNotContain("id=\"signIn\"");
  }

  @Test
  @Order(5)
  void checkoutsRetriedThroughAMemberCrashArePlacedExactlyOnce() throws Exception {
    awaitRouted(2);
    String sku = catalogue.productWithStock("12.50", 40, 0);
    String email = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    int buyers = 24;
    List<String> carts = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      carts.add(api.cartWith(sku, 1));
    }
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicInteger retries = new AtomicInteger();
    Thread killer =
        new Thread(
            () -> {
              try {
                Thread.sleep(1500);
                cluster.member(1).kill();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    killer.start();
    for (String cart : carts) {
      String key = UUID.randomUUID().toString();
      String body = Api.orderBody(cart, email, "tok_visa");
      // A checkout that needs a row the crashed member had locked in a prepared transaction waits
      // until that member is back and has recovered it.
      long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
      while (true) {
        Reply placed;
        try {
          placed = api.placeOrder(key, body);
        } catch (RuntimeException connectionLost) {
          placed = null;
        }
        if (placed != null && (placed.status() == 201 || placed.status() == 200)) {
          acknowledged.add(placed.json().getString("number"));
          break;
        }
        assertThat(System.nanoTime()).as("retrying " + key).isLessThan(deadline);
        retries.incrementAndGet();
        Thread.sleep(500);
      }
    }
    killer.join();
    awaitRouted(2);

    assertThat(acknowledged).hasSize(buyers).doesNotHaveDuplicates();
    assertThat(
            databases.count(
                Database.ORDERS,
                "select count(*) from ordering.customer_order where email = ?",
                email))
        .isEqualTo(buyers);
    assertThat(catalogue.onHand(sku)).isEqualTo(40 - buyers);
    assertThat(catalogue.unitsSold(sku)).isEqualTo(buyers);
    assertThat(
            databases.count(
                Database.PAYMENTS,
                "select count(*) from payment.payment where order_number = any (?)",
                (Object) acknowledged.toArray(String[]::new)))
        .isEqualTo(buyers);
    RunningShop.Shop.await(
        "no prepared transaction left",
        Duration.ofSeconds(120),
        () -> databases.count(Database.ORDERS, "select count(*) from pg_prepared_xacts") == 0);
    System.getLogger("cluster")
        .log(
            System.Logger.Level.INFO,
            "checkouts through a member crash: " + buyers + " orders, " + retries + " retries");
  }

  @Test
  @Order(6)
  void aRollingRestartAnswersEveryRequestMeanwhile() throws Exception {
    awaitRouted(2);
    AtomicBoolean restarting = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    HttpClient reader = HttpClient.newHttpClient();
    Thread shopper =
        new Thread(
            () -> {
              while (restarting.get()) {
                try {
                  HttpResponse<String> answer =
                      get(reader, cluster.baseUri().resolve("/api/v1/categories"));
                  if (answer.statusCode() == 200) {
                    answered.incrementAndGet();
                  } else {
                    failures.add(
                        Instant.now()
                            + " HTTP "
                            + answer.statusCode()
                            + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())));
                  }
                } catch (Exception e) {
                  failures.add(e.toString());
                }
              }
            });
    shopper.start();
    cluster.rollingRestart();
    restarting.set(false);
    shopper.join();
    assertThat(failures)
        .as("failed reads during the rolling restart (first 20 of %d)", failures.size())
        .satisfies(f -> assertThat(f.stream().limit(20).toList()).isEmpty());
    assertThat(answered.get()).isGreaterThan(100);
    awaitRouted(2);
  }

  /**
   * A branch of bazaar-2's left prepared in PostgreSQL (as a rollback that failed on a lost
   * connection leaves it) makes bazaar-2 report itself not live; the supervisor restarts it, and
   * its recovery rolls the branch back, since its log holds no commit decision for it. bazaar-1
   * leaves the branch alone.
   */
  @Test
  @Order(7)
  void aMemberWithABranchLeftPreparedIsRestartedAndItsRecoveryResolvesIt() throws Exception {
    awaitRouted(2);
    long firstPid = cluster.member(0).pid();
    long secondPid = cluster.member(1).pid();
    try (PreparedBranch stuck = databases.prepareBranch(Database.INVENTORY, "bazaar-2")) {
      RunningShop.Shop.await(
          "bazaar-2 restarted and its recovery rolling the branch back",
          Duration.ofMinutes(4),
          () -> databases.preparedTransactions() == 0);
    }
    assertThat(cluster.member(1).pid()).as("bazaar-2 was restarted").isNotEqualTo(secondPid);
    assertThat(cluster.member(0).pid()).as("bazaar-1 was not").isEqualTo(firstPid);
    awaitRouted(2);
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
