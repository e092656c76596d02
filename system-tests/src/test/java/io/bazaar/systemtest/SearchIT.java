package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.faults.Faults;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Product search over the shop's fixed generated catalog ({@link RunningShop.Shop#DEMO_PRODUCTS}
 * products from seed {@link RunningShop.Shop#DEMO_SEED}): rankings, typo correction, synonyms,
 * facet counts against the database, multi-select, sorting, pagination, suggestions, freshness
 * after a checkout, and a full reindex with progress.
 */
@ExtendWith(RunningShop.class)
class SearchIT {

  private final Shop shop;

  SearchIT(Shop shop) {
    this.shop = shop;
  }

  private JsonObject search(String query) {
    Reply reply = shop.api.get("api/v1/search?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<JsonObject> hits(JsonObject result) {
    return result.getJsonObject("products").getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static long total(JsonObject result) {
    return result.getJsonObject("products").getJsonNumber("total").longValue();
  }

  private static Map<String, Long> facet(JsonObject result, String name) {
    return result.getJsonObject("facets").getJsonArray(name).getValuesAs(JsonObject.class).stream()
        .collect(
            Collectors.toMap(v -> v.getString("value"), v -> v.getJsonNumber("count").longValue()));
  }

  private long activeProducts() {
    return shop.databases.count(
        Database.INVENTORY, "select count(*) from catalog.product where status = 'ACTIVE'");
  }

  @Test
  void findsSneakersByNameWithTheNameMatchesFirst() {
    JsonObject result = search("q=sneakers&size=10");

    long named =
        shop.databases.count(
            Database.INVENTORY,
            "select count(*) from catalog.product where status = 'ACTIVE' and name ilike '%sneaker%'");
    assertThat(named).isGreaterThan(10);
    assertThat(total(result)).isGreaterThanOrEqualTo(named);
    assertThat(hits(result))
        .hasSize(10)
        .allSatisfy(hit -> assertThat(hit.getString("name")).containsIgnoringCase("sneaker"));
    assertThat(result.isNull("correctedFrom")).isTrue();
  }

  @Test
  void correctsATypoAndSaysSo() {
    JsonObject result = search("q=snekers&size=5");

    assertThat(result.getString("correctedFrom")).isEqualTo("snekers");
    assertThat(result.getString("query")).isEqualTo("sneakers");
    assertThat(total(result)).isEqualTo(total(search("q=sneakers")));
    assertThat(hits(result))
        .allSatisfy(hit -> assertThat(hit.getString("name")).containsIgnoringCase("sneaker"));
  }

  @Test
  void offersACorrectionWhenNothingMatchesAtAll() {
    JsonObject result = search("q=" + encode("snikkerz"));

    assertThat(total(result)).isZero();
    assertThat(result.getString("didYouMean")).isEqualTo("sneakers");

    JsonObject nonsense = search("q=qqqqxxxxzzzz");
    assertThat(total(nonsense)).isZero();
    assertThat(nonsense.isNull("didYouMean")).isTrue();
  }

  @Test
  void appliesSynonymsFromTheConfigurationFile() {
    JsonObject trainers = search("q=trainers&size=5");

    assertThat(total(trainers)).isGreaterThanOrEqualTo(total(search("q=sneakers")));
    assertThat(hits(trainers))
        .allSatisfy(hit -> assertThat(hit.getString("name")).containsIgnoringCase("sneaker"));
  }

  @Test
  void appliesMultiWordSynonymsTypedTogether() {
    JsonObject fryingPans = search("q=" + encode("frying pan") + "&size=50");
    JsonObject skillets = search("q=skillet&size=50");

    String activeNamed =
        "select count(*) from catalog.product where status = 'ACTIVE' and name ilike ?";
    long namedSkillet = shop.databases.count(Database.INVENTORY, activeNamed, "%skillet%");
    long namedFryingPan = shop.databases.count(Database.INVENTORY, activeNamed, "%frying pan%");
    assertThat(namedSkillet).isPositive();
    assertThat(namedFryingPan).isPositive();
    assertThat(total(fryingPans)).isGreaterThanOrEqualTo(namedSkillet + namedFryingPan);
    assertThat(total(fryingPans)).isEqualTo(total(skillets));
    // The other words of a query still each have to match.
    assertThat(total(search("q=" + encode("frying pan qqqqxxxxzzzz")))).isZero();
  }

  @Test
  void facetCountsAddUpToTheTotalAndMatchTheDatabase() {
    JsonObject everything = search("size=1");
    long total = total(everything);

    // Every product has exactly one brand and one lowest price.
    assertThat(facet(everything, "brand").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(total);
    assertThat(facet(everything, "price").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(total);

    // The generated departments (top-level categories with subcategories), checked against the
    // database; other tests add products of their own elsewhere.
    List<String> departments =
        shop
            .databases
            .query(
                Database.INVENTORY,
                "select d.slug from catalog.category d where d.parent_id is null and exists"
                    + " (select 1 from catalog.category c where c.parent_id = d.id) order by d.slug")
            .stream()
            .map(row -> (String) row.get("slug"))
            .toList();
    assertThat(departments).hasSizeGreaterThanOrEqualTo(6);
    Map<String, Long> categories = facet(everything, "category");
    for (String department : departments) {
      String inDepartment =
          " from catalog.product p join catalog.category c on c.id = p.category_id"
              + " join catalog.category d on d.id = c.parent_id"
              + " where p.status = 'ACTIVE' and d.slug = ?";
      long products =
          shop.databases.count(Database.INVENTORY, "select count(*)" + inDepartment, department);
      assertThat(categories.get(department)).as(department).isEqualTo(products);

      JsonObject filtered = search("size=1&category=" + department);
      assertThat(total(filtered)).as(department).isEqualTo(products);
      long inStock =
          shop.databases.count(
              Database.INVENTORY,
              "select count(*)"
                  + inDepartment
                  + " and exists (select 1 from catalog.variant v where v.product_id = p.id"
                  + " and v.in_stock)",
              department);
      assertThat(facet(filtered, "availability").get("in-stock")).as(department).isEqualTo(inStock);
      assertThat(total(search("size=1&inStock=true&category=" + department))).isEqualTo(inStock);
    }
  }

  @Test
  void selectingColoursKeepsTheOtherColoursCountsAndMatchesAnyOfThem() {
    Map<String, Long> colours = facet(search("size=1"), "colour");
    List<String> twoColours =
        colours.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(2)
            .map(Map.Entry::getKey)
            .toList();

    JsonObject one = search("size=1&colour=" + encode(twoColours.get(0)));
    assertThat(total(one)).isEqualTo(colours.get(twoColours.get(0)));
    assertThat(facet(one, "colour")).isEqualTo(colours);

    JsonObject both =
        search(
            "size=1&colour=" + encode(twoColours.get(0)) + "&colour=" + encode(twoColours.get(1)));
    assertThat(total(both))
        .isGreaterThanOrEqualTo(
            Math.max(colours.get(twoColours.get(0)), colours.get(twoColours.get(1))))
        .isLessThanOrEqualTo(colours.get(twoColours.get(0)) + colours.get(twoColours.get(1)));
    assertThat(
            both
                .getJsonObject("facets")
                .getJsonArray("colour")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(v -> v.getBoolean("selected"))
                .map(v -> v.getString("value")))
        .containsExactlyInAnyOrderElementsOf(twoColours);
  }

  @Test
  void sortsByPriceBothWaysAndFiltersByPriceRange() {
    List<BigDecimal> ascending =
        hits(search("q=jacket&sort=price-asc&size=50")).stream().map(SearchIT::price).toList();
    assertThat(ascending).hasSizeGreaterThan(2).isSortedAccordingTo(BigDecimal::compareTo);
    List<BigDecimal> descending =
        hits(search("q=jacket&sort=price-desc&size=50")).stream().map(SearchIT::price).toList();
    assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));

    JsonObject cheap = search("price=25-50&size=100");
    assertThat(hits(cheap))
        .isNotEmpty()
        .allSatisfy(
            hit ->
                assertThat(price(hit))
                    .isGreaterThanOrEqualTo(new BigDecimal("25"))
                    .isLessThan(new BigDecimal("50")));
    assertThat(total(cheap)).isEqualTo(facet(search("size=1"), "price").get("25-50"));
  }

  private static BigDecimal price(JsonObject hit) {
    return new BigDecimal(hit.getJsonObject("fromPrice").getString("amount"));
  }

  @Test
  void pagesWithoutOverlapAndRefusesImpossiblePages() {
    List<String> first = slugs(search("q=sneakers&sort=price-asc&size=7&page=0"));
    List<String> second = slugs(search("q=sneakers&sort=price-asc&size=7&page=1"));
    assertThat(first).hasSize(7).doesNotContainAnyElementsOf(second);

    // The first ask counts every match; the later ones find the counts kept and only look for
    // their page (which stops counting at the page's end): the same hits, in the same order, and
    // the same total.
    JsonObject tenCounted = search("q=shoes&colour=Black&size=10&page=1");
    JsonObject fiveOfThem = search("q=shoes&colour=Black&size=5&page=2");
    JsonObject fiveMore = search("q=shoes&colour=Black&size=5&page=3");
    assertThat(slugs(tenCounted))
        .hasSize(10)
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(slugs(fiveOfThem).stream(), slugs(fiveMore).stream())
                .toList());
    assertThat(total(fiveOfThem)).isEqualTo(total(tenCounted)).isEqualTo(total(fiveMore));
    // With the in-stock filter, the total is the in-stock part of the availability counts.
    long inStock = total(search("size=50&inStock=true"));
    assertThat(inStock).isPositive().isLessThan(total(search("size=1")));
    assertThat(total(search("size=5&page=2&inStock=true"))).isEqualTo(inStock);

    long total = total(search("q=sneakers"));
    JsonObject beyond = search("q=sneakers&size=10&page=" + (total / 10 + 1));
    assertThat(hits(beyond)).isEmpty();
    assertThat(total(beyond)).isEqualTo(total);

    for (String bad :
        List.of(
            "size=0",
            "size=101",
            "page=-1",
            "page=1000&size=20",
            "price=cheap",
            "price=50-25",
            "rating=6",
            "sort=popularity",
            "q=" + "x".repeat(201))) {
      Reply reply = shop.api.get("api/v1/search?" + bad);
      assertThat(reply.status()).as(bad + ": " + reply.body()).isBetween(400, 422);
      assertThat(reply.contentType()).as(bad).startsWith("application/problem+json");
    }
  }

  private static List<String> slugs(JsonObject result) {
    return hits(result).stream().map(hit -> hit.getString("slug")).toList();
  }

  @Test
  void suggestsProductsBrandsAndCategoriesAsTheShopperTypes() {
    Reply reply = shop.api.get("api/v1/search/suggest?q=sne");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonObject> products = reply.json().getJsonArray("products").getValuesAs(JsonObject.class);
    assertThat(products)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.getString("name").toLowerCase()).containsPattern("\\bsne"));

    String brand =
        (String)
            shop.databases
                .query(Database.INVENTORY, "select name from catalog.brand order by name limit 1")
                .get(0)
                .get("name");
    Reply byBrand =
        shop.api.get("api/v1/search/suggest?q=" + encode(brand.substring(0, 4).toLowerCase()));
    assertThat(byBrand.json().getJsonArray("brands").getValuesAs(JsonObject.class))
        .extracting(b -> b.getString("name"))
        .contains(brand);

    assertThat(shop.api.get("api/v1/search/suggest?q=").status()).isBetween(400, 422);
  }

  /**
   * A sneaker and every unit left of it, per SKU: a cart with all of them sells it out. Of the
   * sneakers with the fewest SKUs in stock, the first or last by slug, so that two tests can take
   * different ones.
   */
  private record LastUnits(String slug, String brand, Map<String, Integer> unitsBySku) {}

  private LastUnits lastUnitsOfASneaker(String slugOrder) {
    Map<String, Object> product =
        shop.databases
            .query(
                Database.INVENTORY,
                "select p.slug, b.slug as brand from catalog.product p"
                    + " join catalog.brand b on b.id = p.brand_id"
                    + " join catalog.variant v on v.product_id = p.id"
                    + " where p.status = 'ACTIVE' and p.name ilike '%sneakers%' and v.in_stock"
                    + " group by p.slug, b.slug order by count(*), p.slug "
                    + slugOrder
                    + " limit 1")
            .get(0);
    String slug = (String) product.get("slug");
    Map<String, Integer> units =
        shop
            .databases
            .query(
                Database.INVENTORY,
                "select v.sku, sum(s.on_hand) as units from catalog.variant v"
                    + " join catalog.product p on p.id = v.product_id"
                    + " join inventory.stock_level s on s.sku = v.sku"
                    + " where p.slug = ? group by v.sku having sum(s.on_hand) > 0",
                slug)
            .stream()
            .collect(
                Collectors.toMap(
                    row -> (String) row.get("sku"), row -> ((Number) row.get("units")).intValue()));
    assertThat(units).as("units of " + slug).isNotEmpty();
    return new LastUnits(slug, (String) product.get("brand"), units);
  }

  private String cartWithAll(LastUnits last) {
    String cart = shop.api.newCart();
    last.unitsBySku()
        .forEach(
            (sku, units) -> {
              Reply added = shop.api.addToCart(cart, sku, units);
              assertThat(added.status()).as(added.body()).isEqualTo(200);
            });
    return cart;
  }

  private List<String> sneakersInStock(LastUnits last) {
    return slugs(search("q=sneakers&inStock=true&size=100&brand=" + encode(last.brand())));
  }

  @Test
  void aCheckoutThatSellsTheLastUnitIsSearchableWithinASecond() throws Exception {
    LastUnits last = lastUnitsOfASneaker("asc");
    assertThat(sneakersInStock(last)).as("in stock before").contains(last.slug());
    // The in-stock count, counted by the hits' query and, with "in stock" selected, by its own
    // query; each asked twice, so that a result or a count kept from before the checkout would be
    // served afterwards if the cache outlived the index state it was read from.
    String brandSneakers = "q=sneakers&size=1&brand=" + encode(last.brand());
    long inStockBefore = inStockCount(search(brandSneakers));
    assertThat(inStockCount(search(brandSneakers))).isEqualTo(inStockBefore);
    assertThat(inStockCount(search(brandSneakers + "&inStock=true"))).isEqualTo(inStockBefore);
    assertThat(inStockCount(search(brandSneakers + "&inStock=true"))).isEqualTo(inStockBefore);

    Reply placed =
        shop.api.checkout(cartWithAll(last), "last-unit+" + UUID.randomUUID() + "@example.org");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);

    // The commit does not wait for the index; the promise is that search catches up within 1 s.
    long committed = System.nanoTime();
    long deadline = committed + Duration.ofSeconds(1).toNanos();
    List<String> inStock = sneakersInStock(last);
    while (inStock.contains(last.slug()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      inStock = sneakersInStock(last);
    }
    assertThat(inStock)
        .as(
            "in stock %d ms after the checkout",
            Duration.ofNanos(System.nanoTime() - committed).toMillis())
        .doesNotContain(last.slug());
    assertThat(slugs(search("q=sneakers&size=100&brand=" + encode(last.brand()))))
        .as("still found, as sold out")
        .contains(last.slug());
    assertThat(inStockCount(search(brandSneakers)))
        .as("in-stock count")
        .isEqualTo(inStockBefore - 1);
    assertThat(inStockCount(search(brandSneakers + "&inStock=true")))
        .as("in-stock count with in stock selected")
        .isEqualTo(inStockBefore - 1);
  }

  private static long inStockCount(JsonObject result) {
    return facet(result, "availability").get("in-stock");
  }

  @Test
  void aCheckoutThatRollsBackLeavesTheIndexAsItWas() throws Exception {
    LastUnits last = lastUnitsOfASneaker("desc");
    assertThat(sneakersInStock(last)).as("in stock before").contains(last.slug());

    Reply failed =
        shop.api.checkout(
            cartWithAll(last),
            Faults.FAIL_AFTER_SEND.email(UUID.randomUUID().toString().substring(0, 8)));
    assertThat(failed.status()).as(failed.body()).isEqualTo(500);

    assertThat(
            shop.databases.count(
                Database.INVENTORY,
                "select count(*) from catalog.variant v join catalog.product p on p.id = v.product_id"
                    + " where p.slug = ? and v.in_stock",
                last.slug()))
        .as("SKUs in stock in the catalog")
        .isEqualTo(last.unitsBySku().size());
    // Longer than a committed change takes to reach search: had the stock change of the rolled
    // back transaction been indexed, it would show by then.
    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    do {
      assertThat(sneakersInStock(last)).as("in stock after the rollback").contains(last.slug());
      Thread.sleep(100);
    } while (System.nanoTime() < until);
  }

  @Test
  void anAdministratorRebuildsTheIndexAndFollowsItsProgress() throws Exception {
    String admin =
        shop.api.bearerToken(
            shop.stack.settings().adminEmail(), shop.stack.settings().adminPassword());
    assertThat(shop.api.post("api/v1/admin/search/reindexing", "").status()).isEqualTo(401);

    long onSale = activeProducts();
    // Other tests' catalogue rows are inserted with SQL, behind the application's back, so the
    // index may lack them until a rebuild: that is one reason operators rebuild.
    long searchableBefore = total(search("size=1"));
    assertThat(searchableBefore).as("searchable before the rebuild").isBetween(1L, onSale);

    Reply started =
        shop.api.post("api/v1/admin/search/reindexing", "", Map.of("Authorization", admin));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location).contains("/api/v1/admin/search/reindexing/");
    String path = location.substring(location.indexOf("api/v1/"));

    JsonObject progress = started.json();
    assertThat(progress.getString("method")).isEqualTo("REPLACE_IN_PLACE");
    int searchesDuringRebuild = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (progress.getString("state").equals("RUNNING") && System.nanoTime() < deadline) {
      // Documents are replaced in place: shoppers never search a half-built index.
      assertThat(total(search("size=1")))
          .as("products found during the rebuild")
          .isBetween(searchableBefore, onSale);
      searchesDuringRebuild++;
      Thread.sleep(100);
      Reply polled = shop.api.get(path, Map.of("Authorization", admin));
      assertThat(polled.status()).as(polled.body()).isEqualTo(200);
      progress = polled.json();
      assertThat(progress.getInt("percent")).isBetween(0, 100);
    }
    assertThat(searchesDuringRebuild).as("searches while the rebuild ran").isPositive();
    assertThat(progress.getString("state")).as(progress.toString()).isEqualTo("SUCCEEDED");
    long products =
        shop.databases.count(Database.INVENTORY, "select count(*) from catalog.product");
    assertThat(progress.getJsonNumber("total").longValue()).isEqualTo(products);
    assertThat(progress.getJsonNumber("indexed").longValue()).isEqualTo(products);
    assertThat(progress.getInt("percent")).isEqualTo(100);
    assertThat(progress.get("finishedAt")).isNotEqualTo(JsonValue.NULL);
    // The last batch is written after its commit (async plan) and read after the next refresh.
    Shop.await(
        "every product on sale to be searchable after the rebuild",
        Duration.ofSeconds(2),
        () -> total(search("size=1")) == onSale);

    Reply unknown =
        shop.api.post(
            "api/v1/admin/search/reindexing?method=sideways", "", Map.of("Authorization", admin));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("method must be replace_in_place or build_from_empty");

    Reply fromEmpty =
        shop.api.post(
            "api/v1/admin/search/reindexing?method=build_from_empty",
            "",
            Map.of("Authorization", admin));
    assertThat(fromEmpty.status()).as(fromEmpty.body()).isEqualTo(202);
    assertThat(fromEmpty.json().getString("method")).isEqualTo("BUILD_FROM_EMPTY");
    String fromEmptyPath =
        fromEmpty.header("Location").substring(fromEmpty.header("Location").indexOf("api/v1/"));
    JsonObject rebuilt = fromEmpty.json();
    while (rebuilt.getString("state").equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      rebuilt = shop.api.get(fromEmptyPath, Map.of("Authorization", admin)).json();
    }
    assertThat(rebuilt.getString("state")).as(rebuilt.toString()).isEqualTo("SUCCEEDED");
    assertThat(rebuilt.getJsonNumber("indexed").longValue()).isEqualTo(products);
    // Searchable within a second of the rebuild's end, and every product listed once.
    Thread.sleep(1000);
    assertThat(total(search("size=1"))).isEqualTo(activeProducts());
  }
}
