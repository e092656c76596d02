package io.bazaar.systemtest;

import static io.bazaar.systemtest.RunningShop.Shop.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.server.PayaraMember;
import io.bazaar.server.PayaraSettings;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member restarted on its root directory with nothing changed starts the applications it
 * remembers, once, instead of deploying them a second time; and when one of them fails to start at
 * boot (its databases unreachable meanwhile), the start is not taken for ready: it is tried again
 * with the applications deployed afresh. Runs its own member, whose database connections pass
 * through a forwarder that the test switches off, so that the outage touches no other member.
 */
@ExtendWith(RunningShop.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberRestartIT {

  private static final String FORCED_STOREFRONT_DEPLOY = "web-storefront was successfully deployed";
  private static final String REMEMBERED_STOREFRONT_LOAD =
      "Loading application web-storefront done";
  private static final String LOAD_FAILED = "Application deployment failed";

  private final Shop shop;
  private TcpForwarder database;
  private TcpForwarder broker;
  private PayaraMember member;
  private Api api;

  MemberRestartIT(Shop shop) {
    this.shop = shop;
  }

  @BeforeAll
  void startOwnMember() throws Exception {
    database = new TcpForwarder(shop.stack.settings().postgresPort()).on();
    broker = new TcpForwarder(shop.stack.brokerPort()).on();
    PayaraSettings settings =
        shop.ownMember("restart-1")
            .environment("BAZAAR_DB_PORT", Integer.toString(database.port()))
            .environment("BAZAAR_BROKER_PORT", Integer.toString(broker.port()))
            .environment("BAZAAR_DEMO_CATALOG", "false");
    member = new PayaraMember(settings).start();
    api = new Api(member.baseUri().resolve("/"));
  }

  @AfterAll
  void stopOwnMember() {
    if (member != null) {
      member.stop();
    }
    if (database != null) {
      database.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void aRestartWithNothingChangedStartsTheRememberedStorefrontOnceAndServes() throws Exception {
    member.restart();

    String console = Files.readString(member.settings().consoleFile());
    assertThat(console)
        .as("the storefront of this life started from the root directory, not deployed again")
        .contains(REMEMBERED_STOREFRONT_LOAD)
        .doesNotContain(FORCED_STOREFRONT_DEPLOY);
    assertReadyWithStorefrontChecks();
    assertCheckoutWorks("remembered");
  }

  @Test
  @Order(2)
  void aRememberedStorefrontThatFailsToStartIsDeployedAfreshInsteadOfAnsweringReady()
      throws Exception {
    member.stop();
    database.off();
    CompletableFuture<PayaraMember> restarted;
    try {
      restarted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return member.start();
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      await(
          "the remembered storefront to fail at boot, its database unreachable",
          Duration.ofMinutes(4),
          this::anyLifeOfTheMemberLogged);
    } finally {
      database.on();
    }

    restarted.get(8, TimeUnit.MINUTES);

    assertThat(Files.readString(member.settings().consoleFile()))
        .as("the second try deployed the storefront afresh")
        .contains(FORCED_STOREFRONT_DEPLOY)
        .doesNotContain(LOAD_FAILED);
    assertReadyWithStorefrontChecks();
    assertCheckoutWorks("redeployed");
  }

  /**
   * The databases and the broker moved (a fail-over to another host, a new port) and the member is
   * restarted with their new addresses: its recovery at start looks for prepared branches there and
   * the member serves at once. The recovery used to run with the addresses of the member's last
   * life (it starts before the post-boot commands that set the new ones) and its recovery pools
   * waited for those forever, and every transaction with them: the member answered ready and then
   * no checkout, no cart.
   */
  @Test
  @Order(3)
  void aMemberRestartedWithItsServersAtNewAddressesRecoversThereAndServes() throws Exception {
    member.stop();
    TcpForwarder movedDatabase = new TcpForwarder(shop.stack.settings().postgresPort()).on();
    TcpForwarder movedBroker = new TcpForwarder(shop.stack.brokerPort()).on();
    database.close();
    broker.close();
    database = movedDatabase;
    broker = movedBroker;
    member =
        new PayaraMember(
                member
                    .settings()
                    .copy()
                    .environment("BAZAAR_DB_PORT", Integer.toString(movedDatabase.port()))
                    .environment("BAZAAR_BROKER_PORT", Integer.toString(movedBroker.port())))
            .start();
    api = new Api(member.baseUri().resolve("/"));

    assertReadyWithStorefrontChecks();
    assertCheckoutWorks("moved");
    assertThat(Files.readString(member.settings().consoleFile()))
        .as("recovery looked where the servers are now")
        .doesNotContain("cannot be reached");
  }

  /** True once the console of the current or an earlier life of the member shows the failure. */
  private boolean anyLifeOfTheMemberLogged() {
    String console = member.settings().consoleFile().getFileName().toString();
    List<java.nio.file.Path> consoles = new java.util.ArrayList<>();
    consoles.add(member.settings().consoleFile());
    try (var lives = Files.list(member.settings().logArchiveDirectory())) {
      lives.map(life -> life.resolve(console)).forEach(consoles::add);
    } catch (IOException noArchiveYet) {
      // Only the current life to look at.
    }
    return consoles.stream().anyMatch(this::showsLoadFailure);
  }

  private boolean showsLoadFailure(java.nio.file.Path console) {
    try {
      return Files.exists(console) && Files.readString(console).contains(LOAD_FAILED);
    } catch (IOException beingMoved) {
      return false;
    }
  }

  private void assertReadyWithStorefrontChecks() {
    Api.Reply ready = api.get("health/ready");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    List<String> checks =
        ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .map(check -> check.getString("name"))
            .toList();
    assertThat(checks).contains("databases", "broker", "document-store");
  }

  private void assertCheckoutWorks(String life) {
    String sku = shop.catalogue.productWithStock("17.00", 3, 0);
    String email =
        "restart-" + life + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Api.Reply placed = api.checkout(api.cartWith(sku, 1), email);
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(2);
  }
}
