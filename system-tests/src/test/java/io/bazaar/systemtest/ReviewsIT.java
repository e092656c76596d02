package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.bazaar.review.control.DemoReviewWriter;
import io.bazaar.review.control.DemoReviewWriter.DemoReview;
import io.bazaar.systemtest.Api.Customer;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reviews and ratings as shoppers and moderators use them: the verified-purchase flag, one editable
 * review per customer, moderation with reasons, helpful votes, the rating in the product detail and
 * in search, concurrent reviews, and the refusals of bad input.
 */
@ExtendWith(RunningShop.class)
class ReviewsIT {

  private final Shop shop;

  ReviewsIT(Shop shop) {
    this.shop = shop;
  }

  private JsonObject rating(String product) {
    Reply detail = shop.api.get("api/v1/products/" + product);
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    return detail.json().getJsonObject("rating");
  }

  private List<JsonObject> published(String product, String sort) {
    Reply list = shop.api.get("api/v1/products/" + product + "/reviews?sort=" + sort);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private Map<String, String> admin() {
    return Map.of(
        "Authorization",
        shop.api.bearerToken(
            shop.stack.settings().adminEmail(), shop.stack.settings().adminPassword()));
  }

  private long reviewDocuments(String product) {
    return shop.documents("reviews", Filters.eq("productSlug", product)).size();
  }

  @Test
  void aBuyersReviewIsVerifiedAndTheRatingFollowsEveryReviewAndEdit() {
    String sku = shop.catalogue.productWithStock("24.00", 5, 0);
    String product = Catalogue.productSlugOf(sku);
    Customer buyer = shop.api.newCustomer("Grace Hopper");
    Customer browser = shop.api.newCustomer("Alan Turing");
    assertThat(shop.api.checkout(shop.api.cartWith(sku, 1), buyer.email()).status()).isEqualTo(201);

    Reply first =
        shop.api.writeReview(product, buyer, Api.reviewBody(5, "Superb", "Does what it says."));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().getBoolean("verifiedPurchase")).isTrue();
    assertThat(first.json().getString("status")).isEqualTo("PUBLISHED");
    assertThat(first.json().getString("author")).isEqualTo("Grace Hopper");
    Reply second = shop.api.writeReview(product, browser, Api.reviewBody(2, "Meh", "Not for me."));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().getBoolean("verifiedPurchase")).isFalse();

    JsonObject rating = rating(product);
    assertThat(rating.getInt("count")).isEqualTo(2);
    assertThat(rating.getJsonNumber("average").bigDecimalValue()).isEqualByComparingTo("3.50");
    assertThat(rating.getJsonObject("distribution").getInt("5")).isEqualTo(1);
    assertThat(rating.getJsonObject("distribution").getInt("2")).isEqualTo(1);
    assertThat(rating.getJsonObject("distribution").getInt("1")).isZero();

    Reply edited =
        shop.api.writeReview(
            product, buyer, Api.reviewBody(4, "Very good", "Does what it says, mostly."));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(reviewDocuments(product)).isEqualTo(2);
    rating = rating(product);
    assertThat(rating.getInt("count")).isEqualTo(2);
    assertThat(rating.getJsonNumber("average").bigDecimalValue()).isEqualByComparingTo("3.00");
    assertThat(rating.getJsonObject("distribution").getInt("5")).isZero();
    assertThat(rating.getJsonObject("distribution").getInt("4")).isEqualTo(1);

    assertThat(published(product, "rating-desc"))
        .extracting(r -> r.getString("title"))
        .containsExactly("Very good", "Meh");
    assertThat(published(product, "rating-asc"))
        .extracting(r -> r.getString("title"))
        .containsExactly("Meh", "Very good");

    Reply withdrawn =
        shop.api.delete("api/v1/products/" + product + "/reviews/mine", browser.auth());
    assertThat(withdrawn.status()).isEqualTo(204);
    assertThat(rating(product).getInt("count")).isEqualTo(1);
    assertThat(rating(product).getJsonNumber("average").bigDecimalValue())
        .isEqualByComparingTo("4.00");
  }

  @Test
  void aHeldReviewWaitsForAModeratorWhoPublishesOrRejectsItWithAReason() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("9.00", 1, 0));
    Customer author = shop.api.newCustomer("Spam Sender");
    Map<String, String> admin = admin();

    Reply held =
        shop.api.writeReview(
            product, author, Api.reviewBody(5, "Best deal", "Cheaper at https://example.net/deal"));
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    assertThat(held.json().getString("status")).isEqualTo("PENDING");
    assertThat(held.json().getString("moderationReason")).isEqualTo("contains a link");
    String id = held.json().getString("id");
    assertThat(published(product, "newest")).isEmpty();
    assertThat(rating(product).getInt("count")).isZero();

    assertThat(shop.api.get("api/v1/admin/reviews", author.auth()).status()).isEqualTo(403);
    assertThat(shop.api.get("api/v1/admin/reviews").status()).isEqualTo(401);
    assertThat(pendingIds(admin)).contains(id);

    Reply noReason =
        shop.api.post("api/v1/admin/reviews/" + id + "/rejection", "{\"reason\":\" \"}", admin);
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    Reply rejected =
        shop.api.post(
            "api/v1/admin/reviews/" + id + "/rejection",
            "{\"reason\":\"Links to other shops are not allowed\"}",
            admin);
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
    assertThat(pendingIds(admin)).doesNotContain(id);

    JsonObject mine =
        shop.api.get("api/v1/products/" + product + "/reviews/mine", author.auth()).json();
    assertThat(mine.getString("status")).isEqualTo("REJECTED");
    assertThat(mine.getString("moderationReason"))
        .isEqualTo("Links to other shops are not allowed");
    assertThat(published(product, "newest")).isEmpty();

    Reply republished = shop.api.post("api/v1/admin/reviews/" + id + "/publication", "", admin);
    assertThat(republished.status()).as(republished.body()).isEqualTo(200);
    assertThat(published(product, "newest")).extracting(r -> r.getString("id")).containsExactly(id);
    assertThat(rating(product).getInt("count")).isEqualTo(1);
    assertThat(shop.documents("reviews", Filters.eq("_id", id)).get(0).getString("status"))
        .isEqualTo("PUBLISHED");
  }

  private List<String> pendingIds(Map<String, String> admin) {
    Reply queue = shop.api.get("api/v1/admin/reviews?status=pending&size=100", admin);
    assertThat(queue.status()).as(queue.body()).isEqualTo(200);
    return queue.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(r -> r.getString("id"))
        .toList();
  }

  @Test
  void helpfulVotesCountOncePerCustomerAndNeverForTheirOwnReview() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("12.00", 1, 0));
    Customer author = shop.api.newCustomer("Author");
    Customer other = shop.api.newCustomer("Reader One");
    Customer third = shop.api.newCustomer("Reader Two");
    String id =
        shop.api
            .writeReview(product, author, Api.reviewBody(4, "Solid", "Works well."))
            .json()
            .getString("id");
    String quiet =
        shop.api
            .writeReview(product, other, Api.reviewBody(3, "Fine", "It is fine."))
            .json()
            .getString("id");
    String vote = "api/v1/reviews/" + id + "/helpful-votes/mine";

    assertThat(shop.api.put(vote, "", other.auth()).json().getInt("helpfulVotes")).isEqualTo(1);
    assertThat(shop.api.put(vote, "", other.auth()).json().getInt("helpfulVotes")).isEqualTo(1);
    assertThat(shop.api.put(vote, "", third.auth()).json().getInt("helpfulVotes")).isEqualTo(2);
    Reply own = shop.api.put(vote, "", author.auth());
    assertThat(own.status()).isEqualTo(409);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(shop.api.put(vote, "", Map.of()).status()).isEqualTo(401);
    assertThat(shop.api.put("api/v1/reviews/nope:1/helpful-votes/mine", "", other.auth()).status())
        .isEqualTo(404);

    assertThat(shop.documents("review_votes", Filters.eq("reviewId", id))).hasSize(2);
    assertThat(published(product, "helpful"))
        .extracting(r -> r.getString("id"))
        .containsExactly(id, quiet);
  }

  @Test
  void concurrentReviewsAllCountInTheRatingAndReachSearch() throws Exception {
    String category = shop.catalogue.category("Concurrently reviewed");
    String product =
        Catalogue.productSlugOf(shop.catalogue.productWithStock(category, "30.00", 3, 0));
    int[] stars = {5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5};
    List<Customer> reviewers = new ArrayList<>();
    for (int i = 0; i < stars.length; i++) {
      reviewers.add(shop.api.newCustomer("Reviewer " + (char) ('A' + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(stars.length);
    try {
      List<Callable<Integer>> writes = new ArrayList<>();
      for (int i = 0; i < stars.length; i++) {
        int index = i;
        writes.add(
            () ->
                shop.api
                    .writeReview(
                        product,
                        reviewers.get(index),
                        Api.reviewBody(stars[index], "Title", "Text."))
                    .status());
      }
      for (Future<Integer> status : pool.invokeAll(writes)) {
        assertThat(status.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }

    JsonObject rating = rating(product);
    assertThat(rating.getInt("count")).isEqualTo(12);
    // 45 stars over 12 reviews
    assertThat(rating.getJsonNumber("average").bigDecimalValue()).isEqualByComparingTo("3.75");
    JsonObject distribution = rating.getJsonObject("distribution");
    assertThat(List.of(1, 2, 3, 4, 5))
        .extracting(s -> distribution.getInt(String.valueOf(s)))
        .containsExactly(1, 1, 2, 4, 4);
    assertThat(reviewDocuments(product)).isEqualTo(12);
    assertThat(
            shop.databases.count(
                Databases.Database.INVENTORY,
                "select rating_count from catalog.product where slug = ?",
                product))
        .isEqualTo(12);

    RunningShop.Shop.await(
        "the rating to reach search",
        Duration.ofSeconds(2),
        () -> {
          Reply found = shop.api.get("api/v1/search?category=" + category + "&rating=3");
          return found.status() == 200
              && found.json().getJsonObject("products").getInt("total") == 1;
        });
    Reply none = shop.api.get("api/v1/search?category=" + category + "&rating=4");
    assertThat(none.json().getJsonObject("products").getInt("total")).isZero();
  }

  /**
   * The generated catalog comes with the reviews its writer gives each product, published, and with
   * ratings to match in the database, the product detail and search.
   */
  @Test
  void theDemoCatalogComesWithItsReviewsAndTheRatingsTheyAddUpTo() {
    DemoReviewWriter writer = new DemoReviewWriter(RunningShop.Shop.DEMO_SEED);
    List<Map<String, Object>> demoProducts =
        shop.databases.query(
            Databases.Database.INVENTORY,
            // The demo catalog loads before any test adds a product.
            "select slug, name, status, rating_count, rating_average from catalog.product"
                + " order by id limit "
                + RunningShop.Shop.DEMO_PRODUCTS);
    assertThat(demoProducts).hasSize(RunningShop.Shop.DEMO_PRODUCTS);
    int reviewedProducts = 0;
    int checkedInDetail = 0;
    for (Map<String, Object> product : demoProducts) {
      String slug = (String) product.get("slug");
      // Only products on sale can be reviewed; the demo catalog has drafts and archived ones too.
      List<DemoReview> expected =
          "ACTIVE".equals(product.get("status"))
              ? writer.reviewsOf(slug, (String) product.get("name"))
              : List.of();
      if (expected.isEmpty()) {
        assertThat(((Number) product.get("rating_count")).intValue()).as(slug).isZero();
        continue;
      }
      reviewedProducts++;
      assertThat(((Number) product.get("rating_count")).intValue())
          .as(slug)
          .isEqualTo(expected.size());
      java.math.BigDecimal average =
          java.math.BigDecimal.valueOf(
                  expected.stream().mapToInt(review -> review.draft().rating()).sum())
              .divide(
                  java.math.BigDecimal.valueOf(expected.size()), 2, java.math.RoundingMode.HALF_UP);
      assertThat((java.math.BigDecimal) product.get("rating_average"))
          .as(slug)
          .isEqualByComparingTo(average);
      if (checkedInDetail < 5 && expected.size() >= 3) {
        checkedInDetail++;
        assertThat(rating(slug).getInt("count")).isEqualTo(expected.size());
        assertThat(published(slug, "newest"))
            .extracting(review -> review.getString("title"))
            .containsExactlyInAnyOrderElementsOf(
                expected.stream().map(review -> review.draft().title()).toList());
      }
    }
    assertThat(reviewedProducts)
        .isBetween(RunningShop.Shop.DEMO_PRODUCTS / 4, RunningShop.Shop.DEMO_PRODUCTS / 2);
    assertThat(checkedInDetail).isEqualTo(5);
    assertThat(shop.documents("reviews", Filters.regex("authorId", "^demo-reviewer-")))
        .allMatch(review -> "PUBLISHED".equals(review.getString("status")))
        .allMatch(review -> !review.getBoolean("verifiedPurchase"));

    String fourAndUp =
        "select count(*) from catalog.product where status = 'ACTIVE' and rating_average >= 4";
    assertThat(shop.databases.count(Databases.Database.INVENTORY, fourAndUp)).isPositive();
    RunningShop.Shop.await(
        "search's four-stars-and-up count to match the database",
        Duration.ofSeconds(2),
        () ->
            shop.api.get("api/v1/search?rating=4").json().getJsonObject("products").getInt("total")
                == shop.databases.count(Databases.Database.INVENTORY, fourAndUp));
  }

  @Test
  void badReviewsAreRefusedWithAProblemAndNothingIsStored() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("5.00", 1, 0));
    Customer author = shop.api.newCustomer("Careless Writer");

    assertThat(
            shop.api
                .put("api/v1/products/" + product + "/reviews/mine", Api.reviewBody(5, "t", "x"))
                .status())
        .isEqualTo(401);
    for (String bad :
        List.of(
            Api.reviewBody(0, "Zero", "No stars."),
            Api.reviewBody(6, "Six", "Too many stars."),
            Api.reviewBody(4, " ", "Empty title."),
            Api.reviewBody(4, "Empty text", ""),
            Api.reviewBody(4, "Too long", "x".repeat(5001)),
            Api.reviewBody(4, "t".repeat(121), "Title too long."),
            "{\"title\":\"No stars\",\"text\":\"Missing rating.\"}",
            "{\"rating\":\"five\",\"title\":\"t\",\"text\":\"x\"}",
            "{not json")) {
      Reply refused = shop.api.writeReview(product, author, bad);
      assertThat(refused.status()).as(bad).isIn(400, 422);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().getString("detail")).isNotBlank();
    }
    assertThat(
            shop.api
                .writeReview("no-such-product", author, Api.reviewBody(4, "Ghost", "Not there."))
                .status())
        .isEqualTo(404);
    assertThat(reviewDocuments(product)).isZero();
    assertThat(rating(product).getInt("count")).isZero();

    String markup = "<script>alert('x')</script> & \"quotes\"";
    Reply stored = shop.api.writeReview(product, author, Api.reviewBody(3, "<b>Bold</b>", markup));
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.contentType()).startsWith("application/json");
    JsonObject shown = published(product, "newest").get(0);
    assertThat(shown.getString("text")).isEqualTo(markup);
    assertThat(shown.getString("title")).isEqualTo("<b>Bold</b>");
  }
}
