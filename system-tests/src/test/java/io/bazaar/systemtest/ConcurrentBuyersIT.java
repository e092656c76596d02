package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.server.payment.AuthorizationStatus;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many shoppers racing for few units: the shop must sell exactly what it has, never more. */
@ExtendWith(RunningShop.class)
class ConcurrentBuyersIT {

  private static final int BUYERS = 50;
  private static final int UNITS = 10;

  private final Shop shop;

  ConcurrentBuyersIT(Shop shop) {
    this.shop = shop;
  }

  @Test
  void fiftyBuyersForTenUnitsMakeExactlyTenOrders() throws Exception {
    String sku = shop.catalogue.productWithStock("7.25", 6, 4);
    List<String> carts = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      carts.add(shop.api.cartWith(sku, 1));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
    List<Future<Reply>> replies = new ArrayList<>();
    for (String cart : carts) {
      replies.add(
          buyers.submit(
              () -> {
                start.await();
                return shop.api.checkout(cart, "buyer+" + UUID.randomUUID() + "@example.org");
              }));
    }
    start.countDown();
    List<Reply> answers = new ArrayList<>();
    for (Future<Reply> reply : replies) {
      answers.add(reply.get(120, TimeUnit.SECONDS));
    }
    buyers.shutdown();

    Map<Integer, Long> statuses =
        answers.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
    assertThat(statuses)
        .as("HTTP statuses")
        .containsOnlyKeys(201, 409)
        .containsEntry(201, (long) UNITS);
    assertThat(answers.stream().filter(r -> r.status() == 409))
        .allSatisfy(r -> assertThat(r.json().getString("type")).endsWith("/out-of-stock"));

    List<String> sold =
        shop
            .databases
            .query(
                Database.ORDERS,
                "select distinct o.number from ordering.customer_order o"
                    + " join ordering.order_line l on l.order_id = o.id where l.sku = ?",
                sku)
            .stream()
            .map(row -> (String) row.get("number"))
            .toList();
    assertThat(sold).hasSize(UNITS);
    assertThat(shop.catalogue.onHand(sku)).isZero();
    assertThat(shop.catalogue.unitsSold(sku)).isEqualTo(UNITS);
    assertThat(
            shop.databases.count(
                Database.INVENTORY,
                "select count(*) from inventory.stock_level where sku = ? and on_hand < 0",
                sku))
        .isZero();

    BigDecimal orderTotals =
        shop.databases.sum(
            Database.ORDERS,
            "select sum(o.amount) from ordering.customer_order o where o.number = any(?)",
            (Object) sold.toArray(String[]::new));
    BigDecimal paymentTotals =
        shop.databases.sum(
            Database.PAYMENTS,
            "select sum(amount) from payment.payment where order_number = any(?)",
            (Object) sold.toArray(String[]::new));
    assertThat(orderTotals).isEqualByComparingTo("72.50");
    assertThat(paymentTotals).isEqualByComparingTo(orderTotals);

    // Every authorization that did not become an order was released.
    RunningShop.Shop.await(
        "losers' authorizations to be voided",
        Duration.ofSeconds(30),
        () ->
            shop.stack.payments().authorizations().stream()
                .filter(a -> a.amount().compareTo(new BigDecimal("7.25")) == 0)
                .filter(a -> !sold.contains(a.reference()))
                .allMatch(a -> a.status() == AuthorizationStatus.VOIDED));
    assertThat(shop.databases.preparedTransactions()).isZero();
  }
}
