package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recommendations: "bought together" counted from committed orders (once per order, even when the
 * event comes again), "similar products" from the search index over the fixed generated catalog,
 * and the browser's recently viewed products.
 */
@ExtendWith(RunningShop.class)
class RecommendationsIT {

  private final Shop shop;

  RecommendationsIT(Shop shop) {
    this.shop = shop;
  }

  private List<String> slugs(String path) {
    Reply reply = shop.api.get(path);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(reply.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(p -> p.getString("slug"))
          .toList();
    }
  }

  private String orderOf(String... skus) {
    String cart = shop.api.newCart();
    for (String sku : skus) {
      assertThat(shop.api.addToCart(cart, sku, 1).status()).isEqualTo(200);
    }
    Reply placed = shop.api.checkout(cart, "together@example.org");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    return placed.json().getString("number");
  }

  private long countedPairs(String product, String other) {
    return shop.databases.count(
        Database.ORDERS,
        "select coalesce(sum(orders), 0) from recommendation.bought_together"
            + " where product_slug = ? and other_slug = ?",
        product,
        other);
  }

  @Test
  void boughtTogetherRanksWhatCommittedOrdersContainedAndCountsEachOrderOnce() throws Exception {
    String tent = shop.catalogue.productWithStock("120.00", 10, 0);
    String stove = shop.catalogue.productWithStock("45.00", 10, 0);
    String lamp = shop.catalogue.productWithStock("15.00", 10, 0);
    String alone = shop.catalogue.productWithStock("9.00", 10, 0);
    String tentSlug = Catalogue.productSlugOf(tent);
    String stoveSlug = Catalogue.productSlugOf(stove);
    String lampSlug = Catalogue.productSlugOf(lamp);

    orderOf(tent, stove);
    orderOf(tent, lamp);
    String last = orderOf(stove, tent);
    orderOf(alone);

    RunningShop.Shop.await(
        "three orders to be counted",
        Duration.ofSeconds(30),
        () -> countedPairs(tentSlug, stoveSlug) == 2 && countedPairs(tentSlug, lampSlug) == 1);
    assertThat(slugs("api/v1/products/" + tentSlug + "/bought-together"))
        .containsExactly(stoveSlug, lampSlug);
    assertThat(slugs("api/v1/products/" + stoveSlug + "/bought-together"))
        .containsExactly(tentSlug);
    assertThat(slugs("api/v1/products/" + lampSlug + "/bought-together")).containsExactly(tentSlug);
    assertThat(slugs("api/v1/products/" + Catalogue.productSlugOf(alone) + "/bought-together"))
        .isEmpty();
    assertThat(slugs("api/v1/products/" + tentSlug + "/bought-together?limit=1"))
        .containsExactly(stoveSlug);

    // The same event again, as a redelivery or an operator's resend from the dead-letter queue.
    String again =
        Json.createObjectBuilder()
            .add("orderNumber", last)
            .add("email", "together@example.org")
            .add(
                "lines",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("sku", stove).add("quantity", 1))
                    .add(Json.createObjectBuilder().add("sku", tent).add("quantity", 1)))
            .add("total", "165.00")
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
      var queue = jms.createQueue("bazaar.recommendations.orders-placed");
      jms.createProducer().setJMSType("OrderPlaced").send(queue, again);
      RunningShop.Shop.await(
          "the repeated event to be consumed",
          Duration.ofSeconds(30),
          () -> {
            try (var browser = jms.createBrowser(queue)) {
              return !browser.getEnumeration().hasMoreElements();
            } catch (jakarta.jms.JMSException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    assertThat(countedPairs(tentSlug, stoveSlug)).isEqualTo(2);
    assertThat(countedPairs(stoveSlug, tentSlug)).isEqualTo(2);

    assertThat(shop.api.get("api/v1/products/no-such-product/bought-together").status())
        .isEqualTo(404);
    Reply badLimit = shop.api.get("api/v1/products/" + tentSlug + "/bought-together?limit=500");
    assertThat(badLimit.status()).isEqualTo(422);
    assertThat(badLimit.contentType()).startsWith("application/problem+json");
  }

  @Test
  void similarProductsShareTheProductsCategoryAndNeverIncludeIt() {
    Reply hiking = shop.api.get("api/v1/search?q=" + "hiking%20boots" + "&size=1&sort=relevance");
    assertThat(hiking.status()).as(hiking.body()).isEqualTo(200);
    JsonObject first =
        hiking.json().getJsonObject("products").getJsonArray("items").getJsonObject(0);
    String slug = first.getString("slug");
    String category = first.getJsonObject("category").getString("slug");

    Reply similar = shop.api.get("api/v1/products/" + slug + "/similar?limit=5");
    assertThat(similar.status()).as(similar.body()).isEqualTo(200);
    List<JsonObject> products;
    try (var reader = Json.createReader(new StringReader(similar.body()))) {
      products = reader.readArray().getValuesAs(JsonObject.class);
    }
    assertThat(products).hasSize(5);
    assertThat(products).extracting(p -> p.getString("slug")).doesNotContain(slug);
    assertThat(products)
        .extracting(p -> p.getJsonObject("category").getString("slug"))
        .containsOnly(category);
  }

  @Test
  void recentlyViewedFollowsTheBrowserMostRecentFirstWithoutRepeats() throws Exception {
    List<String> products =
        List.of(
            Catalogue.productSlugOf(shop.catalogue.productWithStock("3.00", 1, 0)),
            Catalogue.productSlugOf(shop.catalogue.productWithStock("4.00", 1, 0)),
            Catalogue.productSlugOf(shop.catalogue.productWithStock("5.00", 1, 0)));
    HttpClient shopper = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    URI base = shop.stack.httpBaseUri().resolve("/");
    for (String slug :
        List.of(products.get(0), products.get(1), products.get(2), products.get(0))) {
      assertThat(get(shopper, base.resolve("api/v1/products/" + slug)).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> viewed = get(shopper, base.resolve("api/v1/recently-viewed"));
    assertThat(viewed.statusCode()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(viewed.body()))) {
      assertThat(
              reader.readArray().getValuesAs(JsonObject.class).stream()
                  .map(p -> p.getString("slug")))
          .containsExactly(products.get(0), products.get(2), products.get(1));
    }

    HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(get(stranger, base.resolve("api/v1/recently-viewed")).body()).isEqualTo("[]");

    // The list is the browser's cookie, so it is input like any other: what is not the slug of a
    // product on sale is left out, and a forged cookie never breaks the page.
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("api/v1/recently-viewed"))
                    .header(
                        "Cookie",
                        "bazaar-recently-viewed=Robert'--..no-such-product."
                            + products.get(1)
                            + ".%3Cscript%3E")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(forged.body()))) {
      assertThat(
              reader.readArray().getValuesAs(JsonObject.class).stream()
                  .map(p -> p.getString("slug")))
          .containsExactly(products.get(1));
    }
  }

  /**
   * Reading the shop starts no HTTP session: a crawler's thousands of page views leave nothing on
   * the cluster's data grid. Only the recently viewed cookie is set, and only by a product.
   */
  @Test
  void readingTheShopStartsNoSession() throws Exception {
    String slug = Catalogue.productSlugOf(shop.catalogue.productWithStock("6.00", 2, 0));
    URI base = shop.stack.httpBaseUri().resolve("/");
    HttpClient crawler = HttpClient.newHttpClient();
    for (String page :
        List.of(
            "",
            "product/index.xhtml?slug=" + slug,
            "search/index.xhtml?q=shirt",
            "api/v1/products/" + slug,
            "api/v1/categories")) {
      HttpResponse<String> read = get(crawler, base.resolve(page));
      assertThat(read.statusCode()).as(page).isEqualTo(200);
      assertThat(read.headers().allValues("Set-Cookie"))
          .as("cookies set by " + page)
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }
    assertThat(
            get(crawler, base.resolve("api/v1/products/" + slug)).headers().allValues("Set-Cookie"))
        .anyMatch(cookie -> cookie.startsWith("bazaar-recently-viewed=" + slug));
  }

  private static HttpResponse<String> get(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
