package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A shopper in a real browser on the storefront's pages: finds products by searching (with a typo,
 * the autocomplete and a facet), buys through the product page, the cart and the checkout form, and
 * tracks the order. What the pages show is checked against the databases and the mailbox.
 */
class StorefrontBrowserIT extends BrowserJourney {

  StorefrontBrowserIT(Shop shop) {
    super(shop);
  }

  @Test
  void aShopperFindsSneakersThroughATypoTheSuggestionsAndABrandFacet() {
    open("/");
    assertThat(browser.driver.getTitle()).contains("Bazaar");
    assertThat(browser.driver.findElements(By.cssSelector(".department-grid .department")))
        .hasSizeGreaterThanOrEqualTo(8);
    browser.screenshot("storefront-home");

    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("sneak");
    WebElement suggestions = browser.visible(By.id("suggestions"));
    wait.until(d -> !suggestions.findElements(By.tagName("a")).isEmpty());
    assertThat(suggestions.getText()).containsIgnoringCase("sneakers");
    browser.screenshot("storefront-suggestions");

    box.clear();
    box.sendKeys("snekers");
    browser.driver.findElement(By.cssSelector("form.search button")).click();
    WebElement heading = browser.visible(By.id("resultsHeading"));
    assertThat(heading.getText()).contains("sneakers");
    assertThat(browser.driver.findElement(By.id("correctedFrom")).getText())
        .contains("No results for “snekers”");
    long total = count(browser.driver.findElement(By.id("resultCount")).getText());
    assertThat(total).isPositive();
    List<WebElement> names = browser.driver.findElements(By.cssSelector("#hits .card-name"));
    assertThat(names).isNotEmpty();
    assertThat(names.get(0).getText()).containsIgnoringCase("sneakers");
    // The page shows what the API answers for the same search.
    assertThat(
            shop.api
                .get("api/v1/search?q=snekers")
                .json()
                .getJsonObject("products")
                .getInt("total"))
        .isEqualTo((int) total);

    WebElement brand =
        browser.driver.findElements(By.cssSelector("section[data-facet='brand'] a")).get(0);
    String brandName = brand.findElement(By.cssSelector(".facet-label")).getText();
    long brandCount = count(brand.findElement(By.cssSelector(".facet-count")).getText());
    brand.click();
    wait.until(ExpectedConditions.urlContains("brand="));
    assertThat(count(browser.visible(By.id("resultCount")).getText())).isEqualTo(brandCount);
    assertThat(browser.driver.findElements(By.cssSelector("#hits .card-brand")))
        .allSatisfy(card -> assertThat(card.getText()).isEqualTo(brandName));
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("section[data-facet='brand'] li.selected"))
                .getText())
        .contains(brandName);
    browser.screenshot("storefront-search-brand");

    browser.driver.findElement(By.id("clearFilters")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("brand=")));
    assertThat(count(browser.visible(By.id("resultCount")).getText())).isEqualTo(total);
  }

  @Test
  void aShopperBuysThroughTheProductPageTheCartAndTheCheckoutForm() {
    String sku = shop.catalogue.productWithStock("12.50", 5, 0);
    String product = Catalogue.productSlugOf(sku);
    String email = email("browser-buyer");

    open("/product/index.xhtml?slug=" + product);
    assertThat(browser.visible(By.id("productName")).getText()).startsWith("Test product");
    assertThat(browser.driver.findElement(By.id("price")).getText()).isEqualTo("€12.50");
    assertThat(browser.driver.findElement(By.id("buy")).getText()).contains("5 in stock");
    WebElement quantity = browser.driver.findElement(By.id("buy:quantity"));
    quantity.clear();
    quantity.sendKeys("2");
    browser.screenshot("storefront-product");
    browser.driver.findElement(By.id("buy:addToCart")).click();

    wait.until(ExpectedConditions.titleContains("Your cart"));
    assertThat(browser.visible(By.cssSelector(".message-info")).getText())
        .contains("is in your cart");
    WebElement line = browser.driver.findElement(By.cssSelector("tr[data-sku='" + sku + "']"));
    assertThat(line.getText()).contains("€25.00");
    WebElement lineQuantity = line.findElement(By.cssSelector("input[type='number']"));
    lineQuantity.clear();
    lineQuantity.sendKeys("3");
    line.findElement(By.cssSelector("input[value='Update']")).click();
    wait.until(ExpectedConditions.textToBe(By.id("subtotal"), "€37.50"));
    assertThat(browser.driver.findElement(By.cssSelector(".cart-link .count")).getText())
        .isEqualTo("3");
    browser.screenshot("storefront-cart");

    browser.driver.findElement(By.id("checkout")).click();
    wait.until(ExpectedConditions.titleContains("Checkout"));
    // Submitted empty: every required field says what is missing, and nothing is ordered.
    browser.driver.findElement(By.id("checkout:placeOrder")).click();
    assertThat(browser.visible(By.cssSelector(".field-error")).getText()).isNotBlank();
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Enter your e-mail address.", "Enter the city.");

    fillCheckout(email);
    browser.screenshot("storefront-checkout");
    browser.driver.findElement(By.id("checkout:placeOrder")).click();

    String number = browser.visible(By.id("orderNumber")).getText();
    assertThat(browser.driver.findElement(By.cssSelector(".message-info")).getText())
        .contains("Your order " + number + " is placed");
    assertThat(browser.driver.findElement(By.id("orderStatus")).getText()).isEqualTo("PLACED");
    assertThat(browser.driver.findElement(By.id("orderTotal")).getText()).isEqualTo("€37.50");
    assertThat(browser.driver.findElement(By.cssSelector(".cart-link .count")).getText())
        .isEqualTo("0");
    browser.screenshot("storefront-order");

    assertThat(shop.ordersOf(email)).isEqualTo(1);
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(2);
    assertThat(
            shop.databases.count(
                Database.PAYMENTS,
                "select count(*) from payment.payment where order_number = ? and amount = 37.50",
                number))
        .isEqualTo(1);
    Shop.await(
        "the confirmation mail", Duration.ofSeconds(30), () -> !shop.mailTo(email).isEmpty());
    assertThat(shop.mailTo(email))
        .singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Your Bazaar order " + number));
  }

  @Test
  void theCheckoutFormSentTwiceAtOncePlacesOneOrder() {
    String sku = shop.catalogue.productWithStock("7.00", 4, 0);
    String email = email("double-click");
    putInCartAndCheckOut(sku);
    fillCheckout(email);

    // The same form posted twice at the same moment from this browser (a double click, or a
    // retry after a lost answer): both posts carry the form's cart and idempotency key.
    Object pages =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const form = document.getElementById('checkout');"
                + "const body = new URLSearchParams(new FormData(form));"
                + "body.append('checkout:placeOrder', 'Place order');"
                + "const post = () => fetch(form.action, {method: 'POST', body: body,"
                + "  credentials: 'same-origin'}).then(r => r.text());"
                + "Promise.all([post(), post()]).then(done, e => done(String(e)));");
    assertThat(pages).isInstanceOf(List.class);
    List<?> answers = (List<?>) pages;
    assertThat(shop.ordersOf(email)).isEqualTo(1);
    String number = shop.orderNumberOf(email);
    assertThat(answers)
        .hasSize(2)
        .allSatisfy(
            page ->
                assertThat(page.toString()).contains("Order <span id=\"orderNumber\">" + number));
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(3);
    assertThat(shop.authorizationsOf(number)).hasSize(1);
  }

  /** One unit of the SKU through its product page, then the cart's check-out link. */
  private void putInCartAndCheckOut(String sku) {
    open("/product/index.xhtml?slug=" + Catalogue.productSlugOf(sku));
    browser.visible(By.id("buy:addToCart")).click();
    wait.until(ExpectedConditions.titleContains("Your cart"));
    browser.driver.findElement(By.id("checkout")).click();
    wait.until(ExpectedConditions.titleContains("Checkout"));
  }

  private void fillCheckout(String email) {
    browser.type("checkout:email", email);
    browser.type("checkout:name", "Ada Lovelace");
    browser.type("checkout:line1", "12 Analytical Street");
    browser.type("checkout:postalCode", "10115");
    browser.type("checkout:city", "Berlin");
    new Select(browser.driver.findElement(By.id("checkout:country"))).selectByValue("DE");
  }

  @Test
  void aDeclinedCardAndStockSoldMeanwhileAreExplainedOnThePageAndOrderNothing() {
    String sku = shop.catalogue.productWithStock("30.00", 1, 0);
    String email = email("browser-refused");
    putInCartAndCheckOut(sku);

    fillCheckout(email);
    browser.driver.findElement(By.cssSelector("input[value='tok_declined']")).click();
    browser.submit(By.id("checkout:placeOrder"));
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .contains("Your card was declined");
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(shop.catalogue.onHand(sku)).isEqualTo(1);

    // Another shopper buys the last unit through the API while this one is on the form.
    assertThat(shop.api.checkout(shop.api.cartWith(sku, 1), email("faster")).status())
        .isEqualTo(201);
    browser.driver.findElement(By.cssSelector("input[value='tok_visa']")).click();
    browser.submit(By.id("checkout:placeOrder"));
    WebElement refused = browser.visible(By.cssSelector(".message-error"));
    assertThat(refused.getText())
        .contains("Not enough in stock", "Test product", "(Standard): 0 left, you asked for 1");
    browser.screenshot("storefront-out-of-stock");
    assertThat(shop.ordersOf(email)).isZero();
    assertThat(shop.catalogue.onHand(sku)).isZero();
  }

  @Test
  void anOrderIsShownOnlyWithItsEmailAddress() {
    String sku = shop.catalogue.productWithStock("9.00", 3, 0);
    String email = email("tracker");
    String number = shop.api.checkout(shop.api.cartWith(sku, 1), email).json().getString("number");

    open("/orders/index.xhtml?number=" + number);
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Track an order");
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain(email);

    browser.type("lookUp:number", number);
    browser.type("lookUp:email", "someone-else@example.org");
    browser.submit(By.id("lookUp:find"));
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .isEqualTo("No order with that number and e-mail address.");

    browser.type("lookUp:number", number);
    browser.type("lookUp:email", email.toUpperCase(java.util.Locale.ROOT));
    browser.submit(By.id("lookUp:find"));
    assertThat(browser.visible(By.id("orderNumber")).getText()).isEqualTo(number);
    assertThat(browser.driver.findElement(By.id("orderTotal")).getText()).isEqualTo("€9.00");
  }

  @Test
  void badAddressesGetAMessageOrTheNotFoundPageNeverAnError() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> unknownProduct =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        shop.stack.httpBaseUri() + "/product/index.xhtml?slug=no-such-thing"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknownProduct.statusCode()).isEqualTo(404);
    assertThat(unknownProduct.body()).contains("Page not found");

    HttpResponse<String> badPage =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        shop.stack.httpBaseUri() + "/search/index.xhtml?q=tent&page=abc&rating=9"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badPage.statusCode()).isEqualTo(200);
    assertThat(badPage.body()).contains("id=\"searchError\"", "Page must be a whole number");

    // The API keeps answering problem documents, not the pages' not-found page.
    Api.Reply api = shop.api.get("api/v1/products/no-such-thing");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.contentType()).contains("application/problem+json");

    String sku = shop.catalogue.productWithStock("5.00", 2, 0);
    open("/product/index.xhtml?slug=" + Catalogue.productSlugOf(sku));
    WebElement quantity = browser.visible(By.id("buy:quantity"));
    // The server checks what the browser's own validation (min/max) would stop, for browsers
    // without it and for hand-made requests.
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript(
            "arguments[0].removeAttribute('max'); arguments[0].removeAttribute('min');", quantity);
    quantity.clear();
    quantity.sendKeys("500");
    browser.driver.findElement(By.id("buy:addToCart")).click();
    assertThat(browser.visible(By.cssSelector(".message-error")).getText())
        .containsIgnoringCase("quantity");
    assertThat(browser.driver.findElement(By.cssSelector(".cart-link .count")).getText())
        .isEqualTo("0");
  }

  private static long count(String text) {
    return Long.parseLong(text.replaceAll("[^0-9]", ""));
  }
}
