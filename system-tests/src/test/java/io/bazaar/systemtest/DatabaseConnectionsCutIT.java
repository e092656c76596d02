package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop's database sessions are terminated again and again while shoppers open carts, as a
 * database failover or an operator's {@code pg_terminate_backend} does. Every request then either
 * succeeds and its cart exists, or is refused with a 503 the client can retry: no 500, and no cart
 * acknowledged and lost.
 *
 * <p>The fault run found an acknowledged cart missing. The cause was Payara's fail-all-connections:
 * one request finding a dead connection destroyed the connections other requests were using in the
 * middle of their transactions, and the driver then answered their commit with success although the
 * insert had been rolled back (1 to 4 acknowledged carts lost per minute of this load, found with
 * PostgreSQL's statement log). That loss is rare per request, and this test did not catch it in its
 * one run with fail-all-connections on. The other defect it checks for was frequent: a commit whose
 * connection died answered 500 (50 to 270 times a minute under a similar load).
 */
@ExtendWith(RunningShop.class)
class DatabaseConnectionsCutIT {

  private static final Duration CUTTING = Duration.ofSeconds(30);
  private static final int SHOPPERS = 8;

  @Test
  void cartsOpenedWhileSessionsAreCutAreEitherKeptOrRefusedWithARetryableAnswer(Shop shop)
      throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Set<String> unexpectedAnswers = ConcurrentHashMap.newKeySet();
    AtomicInteger sessionsCut = new AtomicInteger();
    Instant end = Instant.now().plus(CUTTING);

    ExecutorService threads = Executors.newFixedThreadPool(SHOPPERS + 1);
    try {
      List<Future<?>> shoppers =
          java.util.stream.IntStream.range(0, SHOPPERS)
              .<Future<?>>mapToObj(
                  shopper ->
                      threads.submit(
                          () -> {
                            while (Instant.now().isBefore(end)) {
                              Api.Reply created = shop.api.post("api/v1/carts", "");
                              statuses
                                  .computeIfAbsent(created.status(), status -> new AtomicInteger())
                                  .incrementAndGet();
                              if (created.status() == 201) {
                                acknowledged.add(created.json().getString("id"));
                              } else if (!isRetryableRefusal(created)) {
                                unexpectedAnswers.add(created.status() + " " + created.body());
                              }
                            }
                            return null;
                          }))
              .toList();
      Future<?> cutter =
          threads.submit(
              () -> {
                while (Instant.now().isBefore(end)) {
                  sessionsCut.addAndGet(
                      (int)
                          shop.databases.count(
                              Database.ORDERS,
                              "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                                  + " where application_name = 'bazaar-orders'"));
                  Thread.sleep(ThreadLocalRandom.current().nextLong(10, 150));
                }
                return null;
              });
      for (Future<?> shopper : shoppers) {
        shopper.get();
      }
      cutter.get();
    } finally {
      threads.shutdownNow();
    }

    assertThat(sessionsCut.get()).as("sessions terminated").isGreaterThan(50);
    assertThat(statuses.get(503)).as("requests refused while their session was cut").isNotNull();
    assertThat(acknowledged).as("carts acknowledged").hasSizeGreaterThan(100);
    assertThat(unexpectedAnswers).as("answers other than 201 and a retryable 503").isEmpty();

    Set<String> stored =
        shop.databases.query(Database.ORDERS, "select id::text as id from cart.cart").stream()
            .map(row -> (String) row.get("id"))
            .collect(Collectors.toSet());
    assertThat(acknowledged.stream().filter(cart -> !stored.contains(cart)).toList())
        .as("acknowledged carts missing from the orders database (of %d)", acknowledged.size())
        .isEmpty();
    // And the shop serves as before once the sessions are left alone.
    String any = acknowledged.iterator().next();
    assertThat(shop.api.get("api/v1/carts/" + any).status()).isEqualTo(200);
    assertThat(shop.api.post("api/v1/carts", "").status()).isEqualTo(201);
  }

  /** A 503 problem document with a Retry-After: the client may repeat the request. */
  private static boolean isRetryableRefusal(Api.Reply reply) {
    return reply.status() == 503
        && "application/problem+json".equals(reply.contentType())
        && reply.header("Retry-After") != null;
  }
}
