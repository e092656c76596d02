package io.bazaar.systemtest;

import static io.bazaar.systemtest.RunningShop.Shop.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.faults.BrokerOutageXAResource;
import io.bazaar.faults.Faults;
import io.bazaar.server.PayaraMember;
import io.bazaar.server.PayaraSettings;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.Databases.PreparedBranch;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Payara JVM dies in the middle of two-phase commit and comes back on the same root directory
 * (its transaction log). Whatever the moment, the checkout ends all or nothing and no prepared
 * branch is left in PostgreSQL. Runs its own member, with its own transaction identity, beside the
 * shared one so that the crashes touch no other test.
 */
@ExtendWith(RunningShop.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

  private static final Duration IN_DOUBT_LIMIT = Duration.ofSeconds(2);

  private final Shop shop;
  private PayaraMember member;
  private Api api;

  CrashRecoveryIT(Shop shop) {
    this.shop = shop;
  }

  @BeforeAll
  void startOwnMember() throws Exception {
    PayaraSettings settings =
        shop.ownMember("crash-1")
            // Short, so that the liveness test below need not wait the default 90 s.
            .environment("BAZAAR_TRANSACTIONS_IN_DOUBT_LIMIT", IN_DOUBT_LIMIT.toString());
    member = new PayaraMember(settings).start();
    api = new Api(member.baseUri().resolve("/"));
  }

  @AfterAll
  void stopOwnMember() {
    if (member != null) {
      member.stop();
    }
  }

  @Test
  void aCrashAfterTheCommitDecisionEndsWithEverythingCommitted() throws Exception {
    String sku = shop.catalogue.productWithStock("19.00", 4, 0);
    String cart = api.cartWith(sku, 2);
    String email = "crash-commit+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String key = UUID.randomUUID().toString();

    crashAndRecover(
        () -> api.placeOrder(key, Api.orderBody(cart, email, Faults.CRASH_IN_COMMIT_TOKEN)),
        "branches left in doubt after the commit decision");
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    String number = shop.orderNumberOf(email);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(2);
    assertThat(shop.paymentsOf(number)).isEqualTo(1);
    await(
        "the confirmation of the recovered order",
        Duration.ofSeconds(60),
        () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.mailTo(email)).hasSize(1);

    var retried = api.placeOrder(key, Api.orderBody(cart, email, Faults.CRASH_IN_COMMIT_TOKEN));
    assertThat(retried.status()).as("the client's retry finds the recovered order").isEqualTo(201);
    assertThat(retried.json().getString("number")).isEqualTo(number);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
  }

  /**
   * The sessions holding the prepared database branches die after the commit decision (as when
   * PostgreSQL restarts in phase two). Payara's transaction service alone would log the transaction
   * completed, keep its retry in memory, and a restart would then roll the branches back while the
   * confirmation went out; the pools' data source commits them on new sessions instead.
   */
  @Test
  void databaseSessionsLostAfterTheCommitDecisionStillEndWithEverythingCommitted()
      throws Exception {
    String sku = shop.catalogue.productWithStock("23.00", 4, 0);
    String cart = api.cartWith(sku, 1);
    String email =
        "lost-in-commit+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String key = UUID.randomUUID().toString();

    Api.Reply placed =
        api.placeOrder(key, Api.orderBody(cart, email, Faults.CONNECTIONS_LOST_IN_COMMIT_TOKEN));

    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String number = placed.json().getString("number");
    // The payments database only: the order's event starts the recommendations' own XA
    // transaction at once (orders and inventory databases), whose branches may be prepared at
    // this instant. Those end within moments; this order's, had they been left, would stay.
    assertThat(shop.databases.preparedTransactions(Database.PAYMENTS))
        .as("branches left prepared when the order was acknowledged")
        .isZero();
    await(
        "no branch left prepared in any database",
        Duration.ofSeconds(5),
        () -> shop.databases.preparedTransactions() == 0);
    assertThat(Files.readString(member.settings().logFile()))
        .as("the member's log")
        .contains("committed on a new session");
    member.kill();
    await("the Payara JVM to stop", Duration.ofSeconds(30), () -> !member.isRunning());
    member.start();

    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(
            shop.databases.count(
                Database.ORDERS,
                "select count(*) from ordering.customer_order where number = ?",
                number))
        .isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    assertThat(shop.paymentsOf(number)).isEqualTo(1);
    await(
        "no branch left prepared (redelivered events may be committing theirs)",
        Duration.ofSeconds(30),
        () -> shop.databases.preparedTransactions() == 0);
    await(
        "the confirmation of the order",
        Duration.ofSeconds(60),
        () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.mailTo(email)).hasSize(1);
  }

  /**
   * The broker dies after the commit decision, before the message branch is committed, and the
   * member dies before the broker is back. The order stands in every database, so its message must
   * still reach the queue: the branch prepared in the broker is committed, never rolled back.
   */
  @Test
  void theBrokerAndThenTheMemberLostAfterTheCommitDecisionStillEndWithTheMessageSent()
      throws Exception {
    String sku = shop.catalogue.productWithStock("24.00", 4, 0);
    String cart = api.cartWith(sku, 1);
    String email = "broker-lost+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String key = UUID.randomUUID().toString();
    Thread checkout;
    try {
      checkout = checkoutMeetingADeadBroker(cart, email, key);
      // The member's attempts to commit the message branch fail while the broker is down (its
      // connections give up after about 5 s of reconnecting), then the member dies too.
      Thread.sleep(10_000);
      member.kill();
      await("the Payara JVM to stop", Duration.ofSeconds(30), () -> !member.isRunning());
    } finally {
      shop.stack.broker().restart();
    }
    checkout.join();
    member.start();

    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    await(
        "the confirmation, sent from the recovered message",
        Duration.ofSeconds(90),
        () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.mailTo(email)).hasSize(1);
    awaitNothingPreparedInTheBroker();
  }

  /**
   * The broker dies after the commit decision, before the message branch is committed, and comes
   * back while the member keeps running. Payara retries that commit on the dead session for ever,
   * so the branch would stay prepared in the broker and the confirmation never go out (the fault
   * run found such an order). The member reports itself not live instead; restarted, as its
   * supervisor does, its recovery commits the branch.
   */
  @Test
  void theBrokerLostAfterTheCommitDecisionWhileTheMemberRunsStillEndsWithTheMessageSent()
      throws Exception {
    String sku = shop.catalogue.productWithStock("25.00", 4, 0);
    String cart = api.cartWith(sku, 1);
    String email = "broker-back+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String key = UUID.randomUUID().toString();
    Thread checkout;
    try {
      checkout = checkoutMeetingADeadBroker(cart, email, key);
      // Long enough for the member's broker connections to give up reconnecting (about 5 s).
      Thread.sleep(10_000);
    } finally {
      shop.stack.broker().restart();
    }

    await(
        "the member to report its checkout stuck in completion",
        Duration.ofSeconds(60),
        () -> {
          Api.Reply live = api.get("health/live");
          return live.status() == 503 && live.body().contains("\"completing\":\"1 transaction");
        });
    member.stop();
    checkout.join(60_000);
    member.start();

    await(
        "the confirmation, sent once recovery has committed the branch prepared in the broker",
        Duration.ofSeconds(90),
        () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    assertThat(shop.mailTo(email)).hasSize(1);
    awaitNothingPreparedInTheBroker();
  }

  /**
   * The member halts after the commit decision, and the broker is down when the member starts again
   * and recovers. Payara's recovery skips a resource it cannot reach, commits the branches it found
   * and forgets the decision: the message left prepared in the broker would later be rolled back as
   * unknown (the fault run lost an order's confirmation so). The broker's recovery pool waits for
   * the broker instead, so the branch is committed once the broker is back.
   */
  @Test
  void aCrashAfterTheCommitDecisionRecoveredWhileTheBrokerIsDownStillSendsTheMessage()
      throws Exception {
    haltedAfterTheCommitDecisionThenRecoveredWhileDown(
        "The broker cannot be reached for transaction recovery",
        () -> shop.stack.broker().kill(),
        () -> shop.stack.broker().restart());
  }

  /**
   * The same with PostgreSQL down while the member recovers: its database branches would be left
   * prepared and later rolled back as unknown, while the message went out. The database recovery
   * pools wait for PostgreSQL instead.
   */
  @Test
  void aCrashAfterTheCommitDecisionRecoveredWhileTheDatabaseIsDownStillCommitsEverything()
      throws Exception {
    haltedAfterTheCommitDecisionThenRecoveredWhileDown(
        "Database orders cannot be reached",
        () -> shop.stack.postgres().stop(),
        () -> shop.stack.postgres().start());
  }

  /** Stops or starts a service of the stack. */
  @FunctionalInterface
  private interface ServiceChange {
    void apply() throws Exception;
  }

  private void haltedAfterTheCommitDecisionThenRecoveredWhileDown(
      String recoveryWaiting, ServiceChange takeDown, ServiceChange bringBack) throws Exception {
    String sku = shop.catalogue.productWithStock("26.00", 4, 0);
    String cart = api.cartWith(sku, 1);
    String email = "down+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String key = UUID.randomUUID().toString();
    assertThatThrownBy(
            () -> api.placeOrder(key, Api.orderBody(cart, email, Faults.CRASH_IN_COMMIT_TOKEN)))
        .as("the JVM halts after the commit decision")
        .isInstanceOf(UncheckedIOException.class);
    await("the Payara JVM to stop", Duration.ofSeconds(30), () -> !member.isRunning());
    assertThat(shop.databases.preparedTransactions()).isPositive();

    Thread restart;
    takeDown.apply();
    try {
      long waitingBefore = memberLogCount(recoveryWaiting);
      // As a supervisor would: a start that fails (the storefront cannot deploy without its
      // databases) is tried again.
      restart =
          new Thread(
              () -> {
                for (int attempt = 1; ; attempt++) {
                  try {
                    member.start();
                    return;
                  } catch (Exception notStarted) {
                    if (attempt == 5) {
                      throw new IllegalStateException(notStarted);
                    }
                  }
                }
              });
      restart.start();
      // Until the member's recovery waits for the service (or long enough for it to have run).
      Instant giveUp = Instant.now().plusSeconds(90);
      while (memberLogCount(recoveryWaiting) == waitingBefore && Instant.now().isBefore(giveUp)) {
        Thread.sleep(500);
      }
      Thread.sleep(5_000);
    } finally {
      bringBack.apply();
    }
    restart.join(180_000);
    assertThat(member.isRunning()).as("the member started again").isTrue();

    await(
        "the confirmation, sent once recovery has committed every branch",
        Duration.ofSeconds(90),
        () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    String number = shop.orderNumberOf(email);
    assertThat(shop.paymentsOf(number)).isEqualTo(1);
    assertThat(shop.mailTo(email)).hasSize(1);
    await(
        "no branch left prepared in any database",
        Duration.ofSeconds(30),
        () -> shop.databases.preparedTransactions() == 0);
    awaitNothingPreparedInTheBroker();
  }

  private long memberLogCount(String text) {
    try {
      String log = Files.readString(member.settings().logFile());
      return log.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    } catch (java.io.IOException notYetWritten) {
      return 0;
    }
  }

  /**
   * Places an order whose message branch meets a dead broker in phase two: returns the request's
   * thread, still waiting for its answer, once the broker is killed.
   */
  private Thread checkoutMeetingADeadBroker(String cart, String email, String key) {
    long waitingBefore = memberLogCount(BrokerOutageXAResource.WAITING);
    Thread checkout =
        new Thread(
            () -> {
              try {
                api.placeOrder(key, Api.orderBody(cart, email, Faults.BROKER_LOST_IN_COMMIT_TOKEN));
              } catch (RuntimeException noAnswer) {
                // The member is killed or restarted while the request waits: the stores tell.
              }
            });
    checkout.start();
    await(
        "the checkout in its second phase",
        Duration.ofSeconds(60),
        () -> memberLogCount(BrokerOutageXAResource.WAITING) > waitingBefore);
    shop.stack.broker().kill();
    return checkout;
  }

  private void awaitNothingPreparedInTheBroker() {
    ShopInvariants broker = new ShopInvariants(shop.databases, shop.stack);
    await(
        "no branch left prepared in the broker",
        Duration.ofSeconds(30),
        () -> {
          try {
            return broker.preparedInBroker().length == 0;
          } catch (Exception unreadable) {
            return false;
          }
        });
  }

  @Test
  void aCrashWhileBranchesArePreparedEndsWithNothing() throws Exception {
    String sku = shop.catalogue.productWithStock("21.00", 4, 0);
    String cart = api.cartWith(sku, 3);
    String email = Faults.CRASH_IN_PREPARE.email(UUID.randomUUID().toString().substring(0, 8));

    crashAndRecover(() -> api.checkout(cart, email), "branches prepared before the crash");
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(4);
    assertThat(shop.catalogue.unitsSold(sku)).isZero();
    assertThat(shop.cartIsOpen(cart)).isTrue();
    Thread.sleep(3000);
    assertThat(shop.mailTo(email)).isEmpty();
  }

  /**
   * A branch of the member's left prepared (as when its connection dies during the rollback after
   * another branch refused to prepare) makes the member report itself not live, so that it is
   * restarted and its recovery resolves the branch; another member's branch does not.
   */
  @Test
  void aBranchLeftPreparedTooLongMakesItsMemberNotLive() throws Exception {
    assertThat(api.get("health/live").status()).isEqualTo(200);
    try (PreparedBranch others = shop.databases.prepareBranch(Database.PAYMENTS, "crash-2")) {
      Thread.sleep(IN_DOUBT_LIMIT.toMillis() + 1_000);
      assertThat(api.get("health/live").status())
          .as("another member's branch is not this member's to resolve")
          .isEqualTo(200);

      try (PreparedBranch own = shop.databases.prepareBranch(Database.PAYMENTS, "crash-1")) {
        Thread.sleep(IN_DOUBT_LIMIT.toMillis() + 1_000);
        Api.Reply notLive = api.get("health/live");
        assertThat(notLive.status()).isEqualTo(503);
        JsonObject check =
            notLive.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("in-doubt-transactions"))
                .findFirst()
                .orElseThrow();
        assertThat(check.getString("status")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("orders")).isEqualTo("none");
        assertThat(check.getJsonObject("data").getString("payments")).startsWith("4871251_");

        own.rollBack();
        assertThat(api.get("health/live").status()).isEqualTo(200);
      }
    }
  }

  /**
   * Sends the request that halts the member, checks that the crash left prepared branches behind,
   * restarts the member on its root directory and waits until recovery has resolved every branch.
   */
  private void crashAndRecover(Runnable haltingRequest, String leftBehind) throws Exception {
    assertThatThrownBy(haltingRequest::run)
        .as("the JVM halts while the request is in flight")
        .isInstanceOf(UncheckedIOException.class);
    await("the Payara JVM to stop", Duration.ofSeconds(30), () -> !member.isRunning());
    assertThat(shop.databases.preparedTransactions()).as(leftBehind).isPositive();

    member.start();

    await(
        "recovery to resolve every branch",
        Duration.ofSeconds(120),
        () -> shop.databases.preparedTransactions() == 0);
  }
}
