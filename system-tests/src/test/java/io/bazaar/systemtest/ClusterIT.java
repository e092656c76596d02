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
 * every request meanwhile. (Session replication across members is not proven yet: a test of it
 * failed, see the issue notes.)
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
    RunningShop.Shop.await(
        members + " members serving",
        Duration.ofSeconds(240),
        () -> cluster.members().size() == members && cluster.allMembersServing());
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

  @Test
  @Order(3)
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
  @Order(4)
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

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
