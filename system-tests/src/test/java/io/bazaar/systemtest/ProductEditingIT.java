package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Api.Customer;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Catalog editors change products through {@code /api/v1/admin/products}: shoppers see the change
 * on the product's page at once and in search within a second; an edit made from an older version,
 * or losing a race with another editor's, is refused whole; bad edits are refused and store
 * nothing.
 */
@ExtendWith(RunningShop.class)
class ProductEditingIT {

  private final Shop shop;
  private Map<String, String> admin;

  ProductEditingIT(Shop shop) {
    this.shop = shop;
  }

  @BeforeEach
  void signInAsAdmin() {
    admin =
        Map.of(
            "Authorization",
            shop.api.bearerToken(
                shop.stack.settings().adminEmail(), shop.stack.settings().adminPassword()));
  }

  /** A product of its own, made by the test catalogue (one variant, in stock). */
  private record Edited(String sku, String slug) {}

  private Edited newProduct(String price) {
    String sku = shop.catalogue.productWithStock(price, 3, 0);
    return new Edited(sku, Catalogue.productSlugOf(sku));
  }

  private JsonObject opened(Edited product) {
    Reply reply = shop.api.get("api/v1/admin/products/" + product.slug(), admin);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonObjectBuilder edit(long version, String name, String status) {
    return Json.createObjectBuilder()
        .add("version", version)
        .add("name", name)
        .add("description", "Keeps tea hot for a day on the hill.")
        .add("status", status);
  }

  private static JsonObjectBuilder price(String sku, String amount, String currency) {
    return Json.createObjectBuilder()
        .add(sku, Json.createObjectBuilder().add("amount", amount).add("currency", currency));
  }

  private Reply save(Edited product, JsonObjectBuilder edit) {
    return shop.api.put("api/v1/admin/products/" + product.slug(), edit.build().toString(), admin);
  }

  private Map<String, Object> stored(Edited product) {
    return shop.databases
        .query(
            Database.INVENTORY,
            "select p.name, p.status, p.version, v.amount from catalog.product p"
                + " join catalog.variant v on v.product_id = p.id where p.slug = ?",
            product.slug())
        .get(0);
  }

  private List<String> found(String query) {
    return shop
        .api
        .get("api/v1/search?size=20&q=" + query)
        .json()
        .getJsonObject("products")
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(item -> item.getString("slug"))
        .toList();
  }

  /** A word no other product has, to find the edited one by. */
  private static String uniqueWord() {
    // Letters only (the analyzer splits words at digits); a UUID's hex digits can have too few.
    StringBuilder word = new StringBuilder("glacier");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int letter = 0; letter < 8; letter++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  @Test
  void anEditorRenamesAndRepricesAProductAndShoppersSeeItAtOnceAndInSearchWithinASecond()
      throws Exception {
    Edited product = newProduct("19.00");
    JsonObject opened = opened(product);
    assertThat(opened.getString("status")).isEqualTo("ACTIVE");
    assertThat(opened.getJsonArray("variants").getJsonObject(0).getJsonObject("price"))
        .isEqualTo(
            Json.createObjectBuilder().add("amount", "19.00").add("currency", "EUR").build());
    // The shopper's page is read (and cached on the data grid) before the edit.
    assertThat(shop.api.get("api/v1/products/" + product.slug()).json().getString("name"))
        .startsWith("Test product");

    String word = uniqueWord();
    String name = "Thermos " + word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    Reply saved =
        save(
            product,
            edit(opened.getJsonNumber("version").longValue(), name, "active")
                .add("prices", price(product.sku(), "24.50", "EUR")));
    long committed = System.nanoTime();
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().getJsonNumber("version").longValue())
        .isEqualTo(opened.getJsonNumber("version").longValue() + 1);

    JsonObject page = shop.api.get("api/v1/products/" + product.slug()).json();
    assertThat(page.getString("name")).isEqualTo(name);
    assertThat(page.getString("description")).isEqualTo("Keeps tea hot for a day on the hill.");
    assertThat(
            page.getJsonArray("variants")
                .getJsonObject(0)
                .getJsonObject("price")
                .getString("amount"))
        .isEqualTo("24.50");
    assertThat(stored(product)).containsEntry("name", name).containsEntry("status", "ACTIVE");
    assertThat((BigDecimal) stored(product).get("amount")).isEqualByComparingTo("24.50");

    long deadline = committed + Duration.ofSeconds(1).toNanos();
    List<String> hits = found(word);
    while (!hits.contains(product.slug()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      hits = found(word);
    }
    assertThat(hits)
        .as(
            "found %d ms after the save",
            Duration.ofNanos(System.nanoTime() - committed).toMillis())
        .containsExactly(product.slug());

    // A cart prices from the catalog as it is now.
    String cart = shop.api.cartWith(product.sku(), 2);
    assertThat(
            shop.api
                .get("api/v1/carts/" + cart)
                .json()
                .getJsonObject("subtotal")
                .getString("amount"))
        .isEqualTo("49.00");
  }

  @Test
  void archivingTakesAProductOffSaleAndOutOfSearchAndActivatingBringsItBack() throws Exception {
    Edited product = newProduct("8.00");
    String word = uniqueWord();
    long version = opened(product).getJsonNumber("version").longValue();
    assertThat(save(product, edit(version, "Mug " + word, "active")).status()).isEqualTo(200);
    Shop.await("the renamed mug in search", Duration.ofSeconds(1), () -> !found(word).isEmpty());

    Reply archived = save(product, edit(version + 1, "Mug " + word, "archived"));
    assertThat(archived.status()).as(archived.body()).isEqualTo(200);
    assertThat(shop.api.get("api/v1/products/" + product.slug()).status()).isEqualTo(404);
    Shop.await(
        "the archived mug out of search", Duration.ofSeconds(1), () -> found(word).isEmpty());
    Reply listed = shop.api.get("api/v1/admin/products?status=archived&q=" + word, admin);
    assertThat(listed.json().getJsonNumber("total").longValue()).isEqualTo(1);
    assertThat(listed.json().getJsonArray("items").getJsonObject(0).getString("slug"))
        .isEqualTo(product.slug());
    assertThat(
            shop.api
                .get("api/v1/admin/products?status=active&q=" + word, admin)
                .json()
                .getJsonNumber("total")
                .longValue())
        .isZero();

    assertThat(save(product, edit(version + 2, "Mug " + word, "active")).status()).isEqualTo(200);
    assertThat(shop.api.get("api/v1/products/" + product.slug()).status()).isEqualTo(200);
    Shop.await("the mug back in search", Duration.ofSeconds(1), () -> !found(word).isEmpty());
  }

  @Test
  void anEditMadeFromAnOlderVersionIsRefusedWholeAndStoresNothing() {
    Edited product = newProduct("12.00");
    long version = opened(product).getJsonNumber("version").longValue();
    assertThat(save(product, edit(version, "First editor's name", "active")).status())
        .isEqualTo(200);

    Reply stale =
        save(
            product,
            edit(version, "Second editor's name", "active")
                .add("prices", price(product.sku(), "1.00", "EUR")));
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.json().getString("type")).endsWith("/changed-meanwhile");
    assertThat(stale.json().getString("detail")).contains("changed by someone else");
    assertThat(stale.json().getJsonNumber("currentVersion").longValue()).isEqualTo(version + 1);
    assertThat(stored(product)).containsEntry("name", "First editor's name");
    assertThat((BigDecimal) stored(product).get("amount")).isEqualByComparingTo("12.00");
  }

  @Test
  void twoEditorsSavingTheSameVersionAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
    for (int round = 0; round < 5; round++) {
      Edited product = newProduct("30.00");
      long version = opened(product).getJsonNumber("version").longValue();
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Reply>> editors = new ArrayList<>();
      for (String editor : List.of("Editor A", "Editor B")) {
        editors.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return save(
                      product,
                      edit(version, editor + "'s name", "active")
                          .add(
                              "prices",
                              price(
                                  product.sku(), editor.endsWith("A") ? "31.00" : "32.00", "EUR")));
                }));
      }
      start.countDown();
      List<Reply> replies = editors.stream().map(CompletableFuture::join).toList();
      assertThat(replies.stream().map(Reply::status))
          .as("round %d: %s", round, replies)
          .containsExactlyInAnyOrder(200, 409);
      Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
      Map<String, Object> stored = stored(product);
      // Whole edits only: the winner's name with the winner's price, never a mix.
      assertThat(stored.get("name")).isEqualTo(winner.json().getString("name"));
      assertThat((BigDecimal) stored.get("amount"))
          .isEqualByComparingTo(
              winner.json().getString("name").startsWith("Editor A") ? "31.00" : "32.00");
      assertThat((Long) stored.get("version")).isEqualTo(version + 1);
    }
  }

  @Test
  void badEditsAreRefusedWithAProblemAndStoreNothing() {
    Edited product = newProduct("5.00");
    long version = opened(product).getJsonNumber("version").longValue();
    Map<String, Object> before = stored(product);
    Map<JsonObjectBuilder, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(edit(version, " ", "active"), "name must be 1-200 characters");
    refusals.put(edit(version, "x".repeat(201), "active"), "name must be 1-200 characters");
    refusals.put(edit(version, "Mug", "sideways"), "status must be draft, active or archived");
    refusals.put(
        edit(version, "Mug", "active").add("prices", price(product.sku(), "-1.00", "EUR")),
        "a price cannot be negative");
    refusals.put(
        edit(version, "Mug", "active").add("prices", price(product.sku(), "5.00", "USD")),
        "must be in EUR");
    refusals.put(
        edit(version, "Mug", "active").add("prices", price("IT-NOT-ITS-OWN", "5.00", "EUR")),
        "has no variant IT-NOT-ITS-OWN");
    refusals.put(
        Json.createObjectBuilder().add("name", "Mug").add("status", "active"),
        "names the version it was made from");
    refusals.forEach(
        (body, detail) -> {
          Reply refused = save(product, body);
          assertThat(refused.status()).as(refused.body()).isEqualTo(422);
          assertThat(refused.contentType()).startsWith("application/problem+json");
          assertThat(refused.json().getString("detail")).contains(detail);
        });
    Reply malformed =
        shop.api.put("api/v1/admin/products/" + product.slug(), "{\"version\": ", admin);
    assertThat(malformed.status()).isEqualTo(400);
    Reply noBody = shop.api.put("api/v1/admin/products/" + product.slug(), "", admin);
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(stored(product)).isEqualTo(before);

    Reply unknown =
        shop.api.put("api/v1/admin/products/no-such-product", "{\"version\": 0}", admin);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("detail")).isEqualTo("no product no-such-product");
  }

  @Test
  void onlyAdminsListOrEditProducts() {
    Edited product = newProduct("5.00");
    String body = edit(0, "Taken over", "active").build().toString();
    assertThat(shop.api.get("api/v1/admin/products").status()).isEqualTo(401);
    assertThat(shop.api.put("api/v1/admin/products/" + product.slug(), body).status())
        .isEqualTo(401);
    Customer customer = shop.api.newCustomer("Curious Customer");
    assertThat(shop.api.get("api/v1/admin/products", customer.auth()).status()).isEqualTo(403);
    assertThat(
            shop.api.put("api/v1/admin/products/" + product.slug(), body, customer.auth()).status())
        .isEqualTo(403);
    assertThat(stored(product).get("name")).asString().startsWith("Test product");
  }

  @Test
  void theListFindsByNameOrSlugInAnyStatusAPageAtATime() {
    Edited product = newProduct("5.00");
    String slugPart = product.slug().substring("product-".length(), "product-".length() + 8);
    Reply bySlug = shop.api.get("api/v1/admin/products?q=" + slugPart, admin);
    assertThat(bySlug.status()).as(bySlug.body()).isEqualTo(200);
    assertThat(bySlug.json().getJsonNumber("total").longValue()).isEqualTo(1);
    JsonObject item = bySlug.json().getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("slug")).isEqualTo(product.slug());
    assertThat(item.getString("brand")).isEqualTo("Testbrand");
    assertThat(item.getString("status")).isEqualTo("ACTIVE");
    assertThat(item.getInt("variantCount")).isEqualTo(1);
    assertThat(item.getJsonObject("fromPrice").getString("amount")).isEqualTo("5.00");

    long all = shop.databases.count(Database.INVENTORY, "select count(*) from catalog.product");
    Reply first = shop.api.get("api/v1/admin/products?size=7", admin);
    assertThat(first.json().getJsonNumber("total").longValue()).isEqualTo(all);
    assertThat(first.json().getJsonArray("items")).hasSize(7);
    // Most recently changed first: the product just made leads an unfiltered list.
    assertThat(first.json().getJsonArray("items").getJsonObject(0).getString("slug"))
        .isEqualTo(product.slug());
    Reply beyond = shop.api.get("api/v1/admin/products?size=100&page=" + (all / 100 + 1), admin);
    assertThat(beyond.json().getJsonArray("items")).isEmpty();
    assertThat(shop.api.get("api/v1/admin/products?size=0", admin).status()).isEqualTo(422);
    assertThat(shop.api.get("api/v1/admin/products?size=101", admin).status()).isEqualTo(422);
    assertThat(shop.api.get("api/v1/admin/products?status=sideways", admin).status())
        .isEqualTo(422);
    // LIKE wildcards in the text are taken literally.
    assertThat(
            shop.api
                .get("api/v1/admin/products?q=%25%25%25", admin)
                .json()
                .getJsonNumber("total")
                .longValue())
        .isZero();
  }
}
