package io.bazaar.systemtest;

import static io.bazaar.systemtest.RunningShop.Shop.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Carts nobody changed for 30 days are removed by the scheduled cleanup, which the shop under test
 * runs every {@link Shop#CART_CLEANUP_EVERY}. Carts are aged by moving their last change back in
 * the database, as 30 days of waiting would.
 */
@ExtendWith(RunningShop.class)
class CartExpiryIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void aCartUnchangedFor30DaysIsRemovedWithItsLinesAndAYoungerCartStays(Shop shop) {
    String sku = shop.catalogue.productWithStock("4.00", 5, 0);
    String expired = shop.api.cartWith(sku, 2);
    String young = shop.api.cartWith(sku, 1);
    lastChanged(shop, expired, "31 days");
    lastChanged(shop, young, "29 days");

    await(
        "the expired cart's removal",
        PATIENCE,
        () -> shop.api.get("api/v1/carts/" + expired).status() == 404);

    Api.Reply gone = shop.api.get("api/v1/carts/" + expired);
    assertThat(gone.contentType()).isEqualTo("application/problem+json");
    assertThat(gone.json().getInt("status")).isEqualTo(404);
    assertThat(
            shop.databases.count(
                Database.ORDERS,
                "select count(*) from cart.cart_line where cart_id = ?::uuid",
                expired))
        .isZero();
    Api.Reply kept = shop.api.get("api/v1/carts/" + young);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.json().getJsonArray("lines").getJsonObject(0).getString("sku")).isEqualTo(sku);

    List<Map<String, Object>> runs =
        shop.databases.query(
            Database.ORDERS,
            "select member, items, failure from scheduling.job_run"
                + " where job = 'expired-cart-cleanup' and finished_at is not null and items > 0");
    assertThat(runs).isNotEmpty();
    assertThat(runs).allSatisfy(run -> assertThat(run.get("failure")).isNull());
    assertThat(runs.get(0).get("member")).isEqualTo("it-1");
  }

  @Test
  void aCartBeingChangedWhileTheCleanupRunsIsSkippedNotWaitedFor(Shop shop) throws Exception {
    String sku = shop.catalogue.productWithStock("4.00", 5, 0);
    String busy = shop.api.cartWith(sku, 1);
    lastChanged(shop, busy, "40 days");

    try (Connection shopper = shop.databases.connect(Database.ORDERS)) {
      // Holds the cart's row lock, as a shopper's change or a checkout does while it runs.
      shopper.setAutoCommit(false);
      try (PreparedStatement lock =
          shopper.prepareStatement("select id from cart.cart where id = ?::uuid for update")) {
        lock.setString(1, busy);
        lock.executeQuery().close();
      }
      OffsetDateTime locked = databaseNow(shop);
      await(
          "two cleanup runs that started after the lock was taken",
          PATIENCE,
          () -> finishedRunsSince(shop, locked) >= 2);
      assertThat(cartExists(shop, busy)).as("a locked cart is skipped").isTrue();
      shopper.rollback();
    }

    await("the cart's removal once unlocked", PATIENCE, () -> !cartExists(shop, busy));
  }

  @Test
  void runsOnOneMemberAreAtLeastNineTenthsOfAPeriodApart(Shop shop) {
    OffsetDateTime since = databaseNow(shop);
    await("three cleanup runs", PATIENCE, () -> finishedRunsSince(shop, since) >= 3);
    List<Instant> starts =
        shop
            .databases
            .query(
                Database.ORDERS,
                "select started_at from scheduling.job_run"
                    + " where job = 'expired-cart-cleanup' and started_at >= ? order by started_at",
                since)
            .stream()
            .map(run -> ((Timestamp) run.get("started_at")).toInstant())
            .toList();
    Duration shortestGap = Shop.CART_CLEANUP_EVERY.multipliedBy(9).dividedBy(10);
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThan(shortestGap);
    }
  }

  private static void lastChanged(Shop shop, String cart, String ago) {
    assertThat(
            shop.databases.update(
                Database.ORDERS,
                "update cart.cart set updated_at = now() - cast(? as interval) where id = ?::uuid",
                ago,
                cart))
        .isEqualTo(1);
  }

  private static boolean cartExists(Shop shop, String cart) {
    return shop.databases.count(
            Database.ORDERS, "select count(*) from cart.cart where id = ?::uuid", cart)
        == 1;
  }

  private static long finishedRunsSince(Shop shop, OffsetDateTime since) {
    return shop.databases.count(
        Database.ORDERS,
        "select count(*) from scheduling.job_run where job = 'expired-cart-cleanup'"
            + " and started_at > ? and finished_at is not null",
        since);
  }

  private static OffsetDateTime databaseNow(Shop shop) {
    try (Connection connection = shop.databases.connect(Database.ORDERS);
        ResultSet now = connection.createStatement().executeQuery("select now()")) {
      now.next();
      return now.getObject(1, OffsetDateTime.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
