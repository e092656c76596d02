package io.bazaar.systemtest;

import static io.bazaar.systemtest.RunningShop.Shop.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.faults.Faults;
import io.bazaar.server.payment.Authorization;
import io.bazaar.server.payment.AuthorizationStatus;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checkout on the real stack: what lands in each database, the queue, the mailbox and the PSP. */
@ExtendWith(RunningShop.class)
class CheckoutIT {

  private final Shop shop;

  CheckoutIT(Shop shop) {
    this.shop = shop;
  }

  private static String email(String who) {
    return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Test
  void aCommittedCheckoutWritesAllThreeDatabasesQueuesOneMessageAndMailsOnce() {
    String sku = shop.catalogue.productWithStock("24.50", 3, 2);
    String cart = shop.api.cartWith(sku, 4);
    String email = email("ada");

    Reply placed = shop.api.checkout(cart, email);

    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    JsonObject order = placed.json();
    String number = order.getString("number");
    assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + number);
    assertThat(order.getJsonObject("total").getString("amount")).isEqualTo("98.00");
    assertThat(order.getString("status")).isEqualTo("PLACED");
    assertThat(order.getString("paymentStatus")).isEqualTo("AUTHORIZED");

    assertThat(
            shop.databases.query(
                Database.ORDERS,
                "select amount, email from ordering.customer_order where number = ?",
                number))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("amount")).isEqualTo(new BigDecimal("98.00"));
              assertThat(row.get("email")).isEqualTo(email);
            });
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(1);
    assertThat(
            shop.databases.query(
                Database.INVENTORY,
                "select warehouse_code, quantity from inventory.stock_movement"
                    + " where reference = ? order by warehouse_code",
                number))
        .extracting(row -> row.get("warehouse_code") + ":" + row.get("quantity"))
        .as("the main warehouse ships first, the north depot the rest")
        .containsExactly("MAIN:-3", "NORTH:-1");
    assertThat(
            shop.databases.query(
                Database.PAYMENTS,
                "select amount, status, authorization_id from payment.payment where order_number = ?",
                number))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("amount")).isEqualTo(new BigDecimal("98.00"));
              assertThat(row.get("status")).isEqualTo("AUTHORIZED");
            });
    assertThat(shop.authorizationsOf(number))
        .singleElement()
        .satisfies(
            auth -> {
              assertThat(auth.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
              assertThat(auth.amount()).isEqualByComparingTo("98.00");
            });

    await("the confirmation mail", Duration.ofSeconds(30), () -> !shop.mailTo(email).isEmpty());
    await(
        "the notification record",
        Duration.ofSeconds(10),
        () -> !shop.notificationsOf(number).isEmpty());
    assertThat(shop.mailTo(email))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.subject()).isEqualTo("Your Bazaar order " + number);
              assertThat(mail.body()).contains("4 x Test product").contains("Total: 98.00 EUR");
            });
    assertThat(shop.notificationsOf(number))
        .singleElement()
        .satisfies(doc -> assertThat(doc.getString("recipient")).isEqualTo(email));
    assertThat(shop.databases.preparedTransactions()).isZero();

    Reply tracked = shop.api.get("api/v1/orders/" + number);
    assertThat(tracked.status()).isEqualTo(200);
    assertThat(tracked.json().getString("status")).isEqualTo("PLACED");
  }

  /**
   * Product pages show availability from the member's copy, minutes long; what a checkout on this
   * member took shows at once, even right after the page was viewed.
   */
  @Test
  void theProductPageShowsWhatACheckoutTookAtOnce() {
    String sku = shop.catalogue.productWithStock("9.50", 2, 1);
    String product = Catalogue.productSlugOf(sku);
    assertThat(availableOnThePageOf(product)).isEqualTo(3);

    Reply placed = shop.api.checkout(shop.api.cartWith(sku, 2), email("page"));

    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(availableOnThePageOf(product)).isEqualTo(1);
  }

  private int availableOnThePageOf(String product) {
    Reply page = shop.api.get("api/v1/products/" + product);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("variants").getJsonObject(0).getInt("available");
  }

  @Test
  void aRedeliveredOrderPlacedMessageSendsNoSecondMail() throws Exception {
    String sku = shop.catalogue.productWithStock("8.00", 3, 0);
    String email = email("twice");
    Reply placed = shop.api.checkout(shop.api.cartWith(sku, 1), email);
    assertThat(placed.status()).isEqualTo(201);
    String number = placed.json().getString("number");
    await("the confirmation mail", Duration.ofSeconds(30), () -> shop.mailTo(email).size() == 1);
    await(
        "the notification record",
        Duration.ofSeconds(10),
        () -> !shop.notificationsOf(number).isEmpty());

    String duplicate =
        jakarta.json.Json.createObjectBuilder()
            .add("orderNumber", number)
            .add("email", email)
            .add("customerName", "Ada Lovelace")
            .add("lines", jakarta.json.Json.createArrayBuilder())
            .add("total", "8.00")
            .add("currency", "EUR")
            .add("placedAt", "2026-01-01T00:00:00Z")
            .build()
            .toString();
    try (var factory =
            new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + shop.stack.brokerPort(),
                shop.stack.settings().brokerUser(),
                shop.stack.settings().brokerPassword());
        var jms = factory.createContext()) {
      jms.createProducer()
          .setJMSType("OrderPlaced")
          .send(jms.createQueue("bazaar.orders.placed"), duplicate);
      await(
          "the duplicate to be consumed",
          Duration.ofSeconds(30),
          () -> {
            try (var browser = jms.createBrowser(jms.createQueue("bazaar.orders.placed"))) {
              return !browser.getEnumeration().hasMoreElements();
            } catch (jakarta.jms.JMSException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    sleepQuietly(Duration.ofSeconds(2));
    assertThat(shop.mailTo(email)).hasSize(1);
    assertThat(shop.notificationsOf(number)).hasSize(1);
  }

  @Test
  void aFailureAfterTheStockUpdateAndTheSendLeavesNothingAndVoidsTheAuthorization() {
    String price = "31." + (10 + (int) (Math.random() * 89));
    String sku = shop.catalogue.productWithStock(price, 5, 0);
    String cart = shop.api.cartWith(sku, 2);
    String email = Faults.FAIL_AFTER_SEND.email(UUID.randomUUID().toString().substring(0, 8));
    long ordersBefore =
        shop.databases.count(Database.ORDERS, "select count(*) from ordering.customer_order");
    long paymentsBefore =
        shop.databases.count(Database.PAYMENTS, "select count(*) from payment.payment");

    Reply failed = shop.api.checkout(cart, email);

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(failed.body()).doesNotContain("InjectedFault").doesNotContain("at io.bazaar");
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(
            shop.databases.count(Database.ORDERS, "select count(*) from ordering.customer_order"))
        .isEqualTo(ordersBefore);
    assertThat(shop.databases.count(Database.PAYMENTS, "select count(*) from payment.payment"))
        .isEqualTo(paymentsBefore);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(5);
    assertThat(shop.catalogue.unitsSold(sku)).isZero();
    assertThat(shop.cartIsOpen(cart)).as("the cart stays open for another try").isTrue();
    BigDecimal total = new BigDecimal(price).multiply(BigDecimal.valueOf(2));
    await(
        "the authorization to be voided",
        Duration.ofSeconds(15),
        () ->
            authorizationsFor(total).stream()
                    .allMatch(a -> a.status() == AuthorizationStatus.VOIDED)
                && !authorizationsFor(total).isEmpty());
    assertThat(shop.databases.preparedTransactions()).isZero();
    sleepQuietly(Duration.ofSeconds(3));
    assertThat(shop.mailTo(email)).as("no confirmation for an order that does not exist").isEmpty();
  }

  @Test
  void retriesRacingTheFirstAttemptAllAnswerItsOrder() throws Exception {
    String sku = shop.catalogue.productWithStock("10.00", 5, 0);
    String cart = shop.api.cartWith(sku, 1);
    String key = UUID.randomUUID().toString();
    String body = Api.orderBody(cart, email("racing-retries"), "tok_visa");

    // Six sends of one request at once: they queue on the cart's lock or meet at the key's unique
    // index; every one must answer the single order, none a 409 about the cart.
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<Reply>> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(senders.submit(() -> shop.api.placeOrder(key, body)));
    }
    List<Reply> replies = new java.util.ArrayList<>();
    for (java.util.concurrent.Future<Reply> reply : sent) {
      replies.add(reply.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    senders.shutdown();

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
    assertThat(replies.stream().map(reply -> reply.json().getString("number")).distinct())
        .hasSize(1);
    assertThat(
            replies.stream().filter(reply -> "false".equals(reply.header("Idempotent-Replayed"))))
        .hasSize(1);
    assertThat(
            shop.databases.count(
                Database.ORDERS,
                "select count(*) from ordering.customer_order where idempotency_key = ?",
                key))
        .isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(4);
  }

  @Test
  void aReplayReturnsTheSameOrderAndChargesNothing() {
    String sku = shop.catalogue.productWithStock("10.00", 5, 0);
    String cart = shop.api.cartWith(sku, 1);
    String key = UUID.randomUUID().toString();
    String body = Api.orderBody(cart, email("replay"), "tok_visa");

    Reply first = shop.api.placeOrder(key, body);
    Reply replay = shop.api.placeOrder(key, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    String number = first.json().getString("number");
    assertThat(replay.json().getString("number")).isEqualTo(number);
    assertThat(
            shop.databases.count(
                Database.ORDERS,
                "select count(*) from ordering.customer_order where idempotency_key = ?",
                key))
        .isEqualTo(1);
    assertThat(shop.paymentsOf(number)).isEqualTo(1);
    assertThat(shop.authorizationsOf(number)).hasSize(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(4);
  }

  @Test
  void reusingAKeyForADifferentRequestIsRefused() {
    String sku = shop.catalogue.productWithStock("10.00", 5, 0);
    String key = UUID.randomUUID().toString();
    Reply first =
        shop.api.placeOrder(
            key, Api.orderBody(shop.api.cartWith(sku, 1), email("first"), "tok_visa"));
    Reply reused =
        shop.api.placeOrder(
            key, Api.orderBody(shop.api.cartWith(sku, 2), email("other"), "tok_visa"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().getString("type")).endsWith("/idempotency-key-reused");
    assertThat(
            shop.databases.count(
                Database.ORDERS,
                "select count(*) from ordering.customer_order where idempotency_key = ?",
                key))
        .isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(4);
  }

  /**
   * A stock row held longer than the lock timeout (here by the test; in a cluster by a transaction
   * a crashed member left prepared): the checkout gives up instead of holding its connections,
   * stores nothing and says to retry; the retry with the same key places the order once the row is
   * free.
   */
  @Test
  void aCheckoutBehindAStockRowLockedTooLongIsRefusedForNowAndStoresNothing() throws Exception {
    OneUnitOrder order = oneUnitOrder(17, 4, "locked");
    String sku = order.sku();
    String email = order.email();

    Reply refused;
    try (Connection holder = stockRowsLockedBy(shop, sku)) {
      refused = order.send();
      holder.rollback();
    }

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("2");
    assertThat(refused.json().getString("type")).endsWith("/temporarily-unavailable");
    assertThat(refused.body()).contains("nothing was stored");
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(4);
    await(
        "the authorization to be voided",
        Duration.ofSeconds(15),
        () ->
            authorizationsFor(order.total()).stream()
                .allMatch(a -> a.status() == AuthorizationStatus.VOIDED));

    Reply placed = order.send();
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
  }

  /**
   * Every turn of the member's checkouts taken (here by checkouts the test holds behind a locked
   * stock row): one more checkout waits for {@code bazaar.ordering.checkout-wait}, then is refused
   * with a 503 before it touches the cart, the card or the stock. When the turns free up, the held
   * checkouts are placed, and so is the refused one, sent again with its key.
   */
  @Test
  void aCheckoutWithNoTurnInTimeIsRefusedBeforeItTouchesAnything() throws Exception {
    int turns = Shop.CHECKOUT_CONCURRENCY;
    String heldSku = shop.catalogue.productWithStock("11.00", 10, 0);
    OneUnitOrder order = oneUnitOrder(13, 3, "no-turn");
    String sku = order.sku();
    String email = order.email();
    List<String> heldCarts = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      heldCarts.add(shop.api.cartWith(heldSku, 1));
    }

    ExecutorService buyers = Executors.newFixedThreadPool(turns);
    List<Future<Reply>> held = new ArrayList<>();
    Reply refused;
    Duration waited;
    try (Connection holder = stockRowsLockedBy(shop, heldSku)) {
      for (String heldCart : heldCarts) {
        held.add(buyers.submit(() -> shop.api.checkout(heldCart, email("held"))));
      }
      await(
          "every turn taken by a checkout waiting for the locked row",
          Duration.ofSeconds(20),
          () ->
              shop.databases.count(
                      Database.INVENTORY,
                      "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                          + " and datname = current_database()")
                  == turns);
      long sent = System.nanoTime();
      refused = order.send();
      waited = Duration.ofNanos(System.nanoTime() - sent);
      holder.rollback();
    }

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("2");
    assertThat(refused.json().getString("type")).endsWith("/checkout-busy");
    assertThat(refused.body()).contains("nothing was done");
    assertThat(waited).as("it waited for a turn first").isGreaterThanOrEqualTo(Shop.CHECKOUT_WAIT);
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    assertThat(authorizationsFor(order.total())).as("the card was never asked").isEmpty();

    try {
      for (Future<Reply> checkout : held) {
        Reply placed = checkout.get(60, TimeUnit.SECONDS);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
      }
    } finally {
      buyers.shutdownNow();
    }
    assertThat(shop.catalogue.onHand(heldSku)).isEqualTo(10 - turns);
    Reply placed = order.send();
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(2);
  }

  @Test
  void outOfStockIsAConflictNamingTheLinesAndTakesNothing() {
    String sku = shop.catalogue.productWithStock("5.00", 2, 1);
    String cart = shop.api.cartWith(sku, 4);
    String email = email("short");

    Reply refused = shop.api.checkout(cart, email);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonObject line = refused.json().getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("sku")).isEqualTo(sku);
    assertThat(line.getInt("requested")).isEqualTo(4);
    assertThat(line.getInt("available")).isEqualTo(3);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    assertThat(shop.ordersOf(email)).isZero();
  }

  @Test
  void aDeclinedPaymentPlacesNothingAndTheShopperCanPayAgain() {
    String sku = shop.catalogue.productWithStock("12.00", 2, 0);
    String cart = shop.api.cartWith(sku, 1);
    String email = email("declined");

    Reply declined =
        shop.api.placeOrder(
            UUID.randomUUID().toString(), Api.orderBody(cart, email, "tok_declined"));
    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.json().getString("type")).endsWith("/payment-declined");
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(2);

    Reply paid =
        shop.api.placeOrder(UUID.randomUUID().toString(), Api.orderBody(cart, email, "tok_visa"));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(1);
  }

  @Test
  void badInputIsAProblemAndStoresNothing() {
    String sku = shop.catalogue.productWithStock("3.00", 5, 0);
    String cart = shop.api.newCart();
    long ordersBefore =
        shop.databases.count(Database.ORDERS, "select count(*) from ordering.customer_order");

    assertProblem(
        shop.api.post(
            "api/v1/orders",
            "{not json",
            java.util.Map.of("Idempotency-Key", "k-" + UUID.randomUUID())),
        400);
    assertProblem(
        shop.api.post(
            "api/v1/carts/" + cart + "/lines", "{\"sku\":\"" + sku + "\",\"quantity\":\"many\"}"),
        400);
    assertProblem(shop.api.addToCart(cart, sku, -2), 422);
    assertProblem(shop.api.addToCart(cart, sku, 0), 422);
    assertProblem(shop.api.addToCart(cart, sku, 1_000_000), 422);
    assertProblem(
        shop.api.post(
            "api/v1/carts/" + cart + "/lines",
            "{\"sku\":\"" + sku + "\",\"quantity\":99999999999999999999}"),
        422);
    assertProblem(
        shop.api.post(
            "api/v1/carts/" + cart + "/lines", "{\"sku\":\"" + sku + "\",\"quantity\":2.5}"),
        422);
    assertProblem(shop.api.addToCart(cart, "NO-SUCH-SKU", 1), 422);
    assertProblem(shop.api.post("api/v1/carts/" + cart + "/lines", "{\"quantity\":1}"), 400);
    assertProblem(shop.api.get("api/v1/carts/not-a-cart"), 404);
    assertProblem(shop.api.get("api/v1/orders/BZ-0000000000"), 404);
    assertProblem(shop.api.post("api/v1/orders", Api.orderBody(cart, "a@b.org", "tok_visa")), 400);
    assertProblem(
        shop.api.placeOrder(
            "k-" + UUID.randomUUID(), Api.orderBody(cart, "not-an-email", "tok_visa")),
        422);
    assertProblem(
        shop.api.placeOrder("k-" + UUID.randomUUID(), "{\"cartId\":\"" + cart + "\"}"), 422);
    assertProblem(shop.api.get("api/v1/products?size=5000"), 422);

    Reply cartNow = shop.api.get("api/v1/carts/" + cart);
    assertThat(cartNow.json().getJsonArray("lines")).isEmpty();
    assertThat(
            shop.databases.count(Database.ORDERS, "select count(*) from ordering.customer_order"))
        .isEqualTo(ordersBefore);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(5);
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getInt("status")).isEqualTo(status);
    assertThat(reply.json().getString("title")).isNotBlank();
  }

  /**
   * A connection of the test's that holds the SKU's stock rows locked until it rolls back (as a
   * transaction left prepared by a crashed member would).
   */
  /**
   * An order for one unit of a new product with {@code units} in stock, at a price of its own (so
   * that its authorizations can be told apart), with its key, ready to be sent (and sent again).
   */
  private record OneUnitOrder(
      Shop shop, String sku, BigDecimal total, String email, String key, String body) {
    Reply send() {
      return shop.api.placeOrder(key, body);
    }
  }

  private OneUnitOrder oneUnitOrder(int euros, int units, String who) {
    String price = euros + "." + (10 + (int) (Math.random() * 89));
    String sku = shop.catalogue.productWithStock(price, units, 0);
    String email = email(who);
    String body = Api.orderBody(shop.api.cartWith(sku, 1), email, "tok_visa");
    return new OneUnitOrder(
        shop, sku, new BigDecimal(price), email, UUID.randomUUID().toString(), body);
  }

  private static Connection stockRowsLockedBy(Shop shop, String sku) throws SQLException {
    Connection holder = shop.databases.connect(Database.INVENTORY);
    try (PreparedStatement lock =
        holder.prepareStatement(
            "select on_hand from inventory.stock_level where sku = ? for update")) {
      holder.setAutoCommit(false);
      lock.setString(1, sku);
      lock.executeQuery().close();
      return holder;
    } catch (SQLException failed) {
      holder.close();
      throw failed;
    }
  }

  private List<Authorization> authorizationsFor(BigDecimal amount) {
    return shop.stack.payments().authorizations().stream()
        .filter(a -> a.amount().compareTo(amount) == 0)
        .toList();
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
