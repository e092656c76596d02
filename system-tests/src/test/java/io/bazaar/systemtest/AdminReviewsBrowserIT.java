package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.bazaar.systemtest.Api.Customer;
import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.RunningShop.Shop;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A moderator in a real browser: signs in to the back office, finds the reviews held for
 * moderation, publishes one and rejects another with a reason; the document store, the product's
 * rating and the author's view of their review show the decisions.
 */
class AdminReviewsBrowserIT extends BrowserJourney {

  AdminReviewsBrowserIT(Shop shop) {
    super(shop);
  }

  private String heldReview(String product, Customer author, String title) {
    Reply held =
        shop.api.writeReview(
            product,
            author,
            Api.reviewBody(4, title, "Better offers at www.elsewhere.example <i>today</i>"));
    assertThat(held.json().getString("status")).isEqualTo("PENDING");
    return held.json().getString("id");
  }

  /** The review's card on the pending list, following "Next" pages until it shows. */
  private WebElement pendingCard(String reviewId) {
    By card = By.cssSelector("article[data-review-id='" + reviewId + "']");
    while (true) {
      List<WebElement> found = browser.driver.findElements(card);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      List<WebElement> next = browser.driver.findElements(By.linkText("Next"));
      assertThat(next).as("review " + reviewId + " on the pending pages").isNotEmpty();
      next.get(0).click();
      wait.until(ExpectedConditions.stalenessOf(next.get(0)));
    }
  }

  private String status(String reviewId) {
    List<Document> reviews = shop.documents("reviews", Filters.eq("_id", reviewId));
    return reviews.get(0).getString("status");
  }

  @Test
  void aModeratorPublishesOneHeldReviewAndRejectsAnotherWithAReason() {
    String product = Catalogue.productSlugOf(shop.catalogue.productWithStock("19.00", 2, 0));
    Customer first = shop.api.newCustomer("Held Once");
    Customer second = shop.api.newCustomer("Held Twice");
    String toPublish = heldReview(product, first, "Worth it, see link");
    String toReject = heldReview(product, second, "Buy it elsewhere");

    signInToBackOffice();
    browser.driver.findElement(By.linkText("Reviews")).click();
    wait.until(ExpectedConditions.titleContains("Reviews"));
    WebElement card = pendingCard(toPublish);
    assertThat(card.getText())
        .contains("Worth it, see link", "Held Once", "contains a link", "★★★★☆")
        // Markup in a review is shown as text, never run as HTML.
        .contains("<i>today</i>");
    assertThat(card.findElements(By.tagName("i"))).isEmpty();
    browser.screenshot("admin-reviews-pending");

    card.findElement(By.cssSelector("input[value='Publish']")).click();
    WebElement published =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-info")));
    assertThat(published.getText()).isEqualTo("Published “Worth it, see link”.");
    assertThat(
            browser.driver.findElements(
                By.cssSelector("article[data-review-id='" + toPublish + "']")))
        .isEmpty();
    assertThat(status(toPublish)).isEqualTo("PUBLISHED");
    assertThat(
            shop.api
                .get("api/v1/products/" + product)
                .json()
                .getJsonObject("rating")
                .getInt("count"))
        .isEqualTo(1);

    card = pendingCard(toReject);
    card.findElement(By.cssSelector("input[value='Reject']")).click();
    WebElement refused =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".messages .alert")));
    assertThat(refused.getText()).contains("a rejection needs a reason");
    assertThat(status(toReject)).isEqualTo("PENDING");

    card = pendingCard(toReject);
    card.findElement(By.name("reason")).sendKeys("Links to other shops are not allowed");
    card.findElement(By.cssSelector("input[value='Reject']")).click();
    WebElement rejected =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-info")));
    assertThat(rejected.getText())
        .isEqualTo("Rejected “Buy it elsewhere”: Links to other shops are not allowed");
    browser.screenshot("admin-reviews-rejected");
    assertThat(status(toReject)).isEqualTo("REJECTED");
    assertThat(
            shop.api
                .get("api/v1/products/" + product + "/reviews/mine", second.auth())
                .json()
                .getString("moderationReason"))
        .isEqualTo("Links to other shops are not allowed");

    browser.driver.findElement(By.id("tab-rejected")).click();
    wait.until(ExpectedConditions.attributeContains(By.id("tab-rejected"), "class", "current"));
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Buy it elsewhere", "Links to other shops are not allowed");
  }
}
