package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.bazaar.systemtest.Api.Customer;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A customer in a real browser: opens an account, signs out and in again, and reviews a product
 * they bought on its page (write, edit, withdraw), votes other reviews helpful. What the pages show
 * is checked against the customer database and the review documents.
 */
class CustomerReviewsBrowserIT extends BrowserJourney {

  private static final String PASSWORD = "a long enough password";

  CustomerReviewsBrowserIT(Shop shop) {
    super(shop);
  }

  @Test
  void aShopperOpensAnAccountSignsOutAndInAndComesBackToThePageTheyWereOn() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("8.00", 3, 0));
    String email = email("ada");
    open("/product/index.xhtml?slug=" + product);
    String guestSession = sessionId();

    browser.driver.findElement(By.id("signInToReview")).click();
    wait.until(ExpectedConditions.titleContains("Sign in"));
    browser.driver.findElement(By.id("registerLink")).click();
    wait.until(ExpectedConditions.titleContains("Open an account"));
    browser.type("register:displayName", "Ada Reviewer");
    browser.type("register:email", email);
    browser.type("register:password", "short");
    browser.submit(By.id("register:submit"));
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .contains("password", "10 characters");
    assertThat(accounts(email)).isZero();

    browser.type("register:password", PASSWORD);
    browser.submit(By.id("register:submit"));
    assertThat(browser.visible(By.id("productName")).getText()).startsWith("Test product");
    assertThat(browser.driver.findElement(By.cssSelector(".message-info")).getText())
        .isEqualTo("Welcome to Bazaar, Ada Reviewer.");
    assertThat(browser.driver.findElement(By.id("greeting")).getText())
        .isEqualTo("Hello, Ada Reviewer");
    assertThat(accounts(email)).isOne();
    assertThat(sessionId()).as("a new session id at sign-in").isNotEqualTo(guestSession);
    browser.screenshot("account-signed-in");

    browser.submit(By.id("signOut:submit"));
    assertThat(browser.visible(By.id("signInLink")).getText()).isEqualTo("Sign in");
    assertThat(browser.driver.findElements(By.id("greeting"))).isEmpty();

    browser.driver.findElement(By.id("signInLink")).click();
    wait.until(ExpectedConditions.titleContains("Sign in"));
    browser.type("signIn:email", email);
    browser.type("signIn:password", "not the password");
    browser.submit(By.id("signIn:submit"));
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .isEqualTo("Wrong e-mail address or password.");
    assertThat(browser.driver.findElements(By.id("greeting"))).isEmpty();

    browser.type("signIn:email", email.toUpperCase(java.util.Locale.ROOT));
    browser.type("signIn:password", PASSWORD);
    browser.submit(By.id("signIn:submit"));
    assertThat(browser.visible(By.id("greeting")).getText()).isEqualTo("Hello, Ada Reviewer");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/index.xhtml");
  }

  @Test
  void signingInNeverSendsTheShopperToAnotherSite() {
    String email = email("phished");
    register(email, "Phil");
    browser.submit(By.id("signOut:submit"));

    open("/account/sign-in.xhtml?returnTo=" + "//evil.example.org/login");
    browser.type("signIn:email", email);
    browser.type("signIn:password", PASSWORD);
    browser.submit(By.id("signIn:submit"));
    browser.visible(By.id("greeting"));
    assertThat(browser.driver.getCurrentUrl())
        .startsWith(shop.stack.httpBaseUri().toString())
        .endsWith("/index.xhtml");
  }

  @Test
  void aBuyerReviewsOnTheProductPageEditsAndWithdrawsAndTheTextShowsAsWritten() {
    String sku = shop.catalogue.productWithStock("19.00", 3, 0);
    String product = Catalogue.productSlugOf(sku);
    String email = email("buyer");
    assertThat(shop.api.checkout(shop.api.cartWith(sku, 1), email).status()).isEqualTo(201);
    register(email, "Grace Buyer");

    open("/product/index.xhtml?slug=" + product);
    assertThat(browser.visible(By.cssSelector("#review h3")).getText()).isEqualTo("Write a review");
    browser.type("review:title", "Fits <b>well</b>");
    browser.type("review:text", "");
    stars(4);
    browser.submit(By.id("review:submit"));
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .isEqualTo("The review's text must not be empty.");
    assertThat(reviewsOf(product)).isEmpty();

    browser.type("review:text", "Warm and light.\n<script>document.title='hacked'</script>");
    browser.submit(By.id("review:submit"));
    assertThat(browser.visible(By.cssSelector(".message-info")).getText())
        .isEqualTo("Thank you: your review is published.");
    WebElement shown = browser.driver.findElement(By.cssSelector(".review-list .review"));
    assertThat(shown.findElement(By.className("review-title")).getText())
        .isEqualTo("Fits <b>well</b>");
    assertThat(shown.findElement(By.className("review-text")).getText())
        .contains("<script>document.title='hacked'</script>");
    assertThat(shown.getText()).contains("Grace Buyer", "Verified purchase");
    assertThat(browser.driver.getTitle()).doesNotContain("hacked");
    assertThat(browser.driver.findElement(By.id("rating")).getText())
        .endsWith("out of 5 · 1 review");
    assertThat(browser.driver.findElement(By.id("myReviewState")).getText()).isEqualTo("Published");
    browser.driver.executeScript("document.getElementById('reviews').scrollIntoView()");
    browser.screenshot("review-published");
    List<Document> stored = reviewsOf(product);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getString("title")).isEqualTo("Fits <b>well</b>");
    assertThat(stored.get(0).getBoolean("verifiedPurchase")).isTrue();

    // The form comes back filled in for editing.
    assertThat(browser.driver.findElement(By.id("review:title")).getAttribute("value"))
        .isEqualTo("Fits <b>well</b>");
    stars(2);
    browser.submit(By.id("review:submit"));
    assertThat(browser.visible(By.cssSelector(".review-list .stars")).getAttribute("aria-label"))
        .isEqualTo("2 stars");
    assertThat(reviewsOf(product)).hasSize(1);
    assertThat(reviewsOf(product).get(0).getInteger("rating")).isEqualTo(2);

    browser.submit(By.id("review:withdraw"));
    assertThat(browser.visible(By.cssSelector(".message-info")).getText())
        .isEqualTo("Your review is withdrawn.");
    assertThat(browser.driver.findElement(By.id("noReviews")).getText())
        .isEqualTo("No reviews yet.");
    assertThat(reviewsOf(product)).isEmpty();
  }

  @Test
  void helpfulVotesCountOncePerCustomerAndAReviewWithALinkWaitsForAModerator() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("6.00", 3, 0));
    Customer author = shop.api.newCustomer("Earlier Author");
    assertThat(
            shop.api
                .writeReview(product, author, Api.reviewBody(5, "Great", "Does what it says."))
                .status())
        .isEqualTo(201);
    register(email("voter"), "Vera Voter");

    open("/product/index.xhtml?slug=" + product);
    browser.submit(By.cssSelector(".review-list button[name='helpful:vote']"));
    assertThat(browser.visible(By.cssSelector(".message-info")).getText())
        .isEqualTo("Thank you for your vote.");
    assertThat(browser.driver.findElement(By.className("helpful-count")).getText())
        .isEqualTo("1 found this helpful");
    browser.submit(By.cssSelector(".review-list button[name='helpful:vote']"));
    assertThat(browser.visible(By.className("helpful-count")).getText())
        .isEqualTo("1 found this helpful");
    assertThat(
            shop.documents("review_votes", Filters.regex("reviewId", "^" + product + ":")).size())
        .isOne();

    stars(3);
    browser.type("review:title", "See my blog");
    browser.type("review:text", "More at https://blog.example.org/review");
    browser.submit(By.id("review:submit"));
    assertThat(browser.visible(By.cssSelector(".message-info")).getText())
        .startsWith("Thank you: your review will appear once a moderator has read it");
    assertThat(browser.driver.findElement(By.id("myReviewState")).getText())
        .startsWith("Waiting for a moderator: ");
    assertThat(browser.driver.findElements(By.cssSelector(".review-list .review"))).hasSize(1);
    assertThat(browser.driver.findElement(By.cssSelector(".review-list")).getText())
        .doesNotContain("See my blog");
    // No vote button on one's own review: the only review listed is the other author's.
    assertThat(
            browser.driver.findElements(By.cssSelector(".review-list button[name='helpful:vote']")))
        .hasSize(1);
  }

  private void register(String email, String name) {
    open("/account/register.xhtml");
    browser.type("register:displayName", name);
    browser.type("register:email", email);
    browser.type("register:password", PASSWORD);
    browser.submit(By.id("register:submit"));
    assertThat(browser.visible(By.id("greeting")).getText()).isEqualTo("Hello, " + name);
  }

  private void stars(int stars) {
    browser
        .driver
        .findElement(By.cssSelector("input[name='review:rating'][value='" + stars + "']"))
        .click();
  }

  private List<Document> reviewsOf(String product) {
    return shop.documents("reviews", Filters.eq("productSlug", product));
  }

  private long accounts(String email) {
    return shop.databases.count(
        Database.ORDERS, "select count(*) from customer.account where email = ?", email);
  }

  private String sessionId() {
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    return session == null ? null : session.getValue();
  }
}
