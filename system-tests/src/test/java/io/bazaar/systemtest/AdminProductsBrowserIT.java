package io.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Api.Reply;
import io.bazaar.systemtest.Databases.Database;
import io.bazaar.systemtest.RunningShop.Shop;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A catalog editor in a real browser: finds a product in the back office, renames and reprices it,
 * and the shop shows the change; an edit saved over someone else's newer change is refused, keeps
 * what the editor typed, and stores nothing of it.
 */
class AdminProductsBrowserIT extends BrowserJourney {

  AdminProductsBrowserIT(Shop shop) {
    super(shop);
  }

  private Map<String, Object> stored(String slug) {
    return shop.databases
        .query(
            Database.INVENTORY,
            "select p.name, p.status, v.amount from catalog.product p"
                + " join catalog.variant v on v.product_id = p.id where p.slug = ?",
            slug)
        .get(0);
  }

  /** The product's editor, reached from the list filtered by its slug. */
  private void openEditor(String slug) {
    browser.driver.findElement(By.linkText("Products")).click();
    wait.until(ExpectedConditions.titleContains("Products"));
    browser.driver.findElement(By.id("q")).sendKeys(slug);
    browser.driver.findElement(By.id("find")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-product='" + slug + "']")));
    assertThat(browser.driver.findElement(By.id("product-count")).getText())
        .startsWith("1 product(s)");
    assertThat(row.getText()).contains("Testbrand", "active", "19.00 EUR");
    browser.screenshot("admin-products-found");
    row.findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:save")));
  }

  private void type(String id, String text) {
    WebElement field = browser.driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  @Test
  void anEditorRenamesAndRepricesAProductAndTheShopShowsIt() {
    String sku = shop.catalogue.productWithStock("19.00", 4, 0);
    String slug = Catalogue.productSlugOf(sku);
    String name = "Walnut serving board " + UUID.randomUUID().toString().substring(0, 4);

    signInToBackOffice();
    openEditor(slug);
    type("name", name);
    type("description", "Oiled walnut, <b>food safe</b>.");
    type("price-" + sku, "27.50");
    browser.screenshot("admin-product-edit");
    browser.driver.findElement(By.id("edit:save")).click();

    WebElement saved =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-info")));
    assertThat(saved.getText())
        .isEqualTo("Saved “" + name + "”. Shoppers see the change now; search within a second.");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertThat(browser.driver.findElement(By.id("price-" + sku)).getAttribute("value"))
        .isEqualTo("27.50");
    browser.screenshot("admin-product-saved");
    assertThat(stored(slug)).containsEntry("name", name);
    assertThat((BigDecimal) stored(slug).get("amount")).isEqualByComparingTo("27.50");

    // The shopper's page of the product, in the same browser.
    open("/product/index.xhtml?slug=" + slug);
    wait.until(ExpectedConditions.titleContains(name));
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains(name, "27.50", "Oiled walnut, <b>food safe</b>.");
  }

  @Test
  void savingOverSomeoneElsesNewerChangeIsRefusedAndKeepsWhatTheEditorTyped() {
    String sku = shop.catalogue.productWithStock("19.00", 4, 0);
    String slug = Catalogue.productSlugOf(sku);

    signInToBackOffice();
    openEditor(slug);
    // Another editor saves while this one is typing.
    Map<String, String> otherEditor =
        Map.of(
            "Authorization",
            shop.api.bearerToken(
                shop.stack.settings().adminEmail(), shop.stack.settings().adminPassword()));
    long version =
        shop.api
            .get("api/v1/admin/products/" + slug, otherEditor)
            .json()
            .getJsonNumber("version")
            .longValue();
    Reply theirs =
        shop.api.put(
            "api/v1/admin/products/" + slug,
            Json.createObjectBuilder()
                .add("version", version)
                .add("name", "Their name")
                .add("status", "active")
                .build()
                .toString(),
            otherEditor);
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);

    type("name", "My name");
    new Select(browser.driver.findElement(By.id("status"))).selectByValue("ARCHIVED");
    browser.driver.findElement(By.id("edit:save")).click();
    WebElement refused =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".messages .alert")));
    assertThat(refused.getText()).startsWith("Someone else saved this product since you opened it");
    assertThat(browser.driver.findElement(By.id("name")).getAttribute("value"))
        .isEqualTo("My name");
    assertThat(
            new Select(browser.driver.findElement(By.id("status")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("ARCHIVED");
    browser.screenshot("admin-product-conflict");
    assertThat(stored(slug)).containsEntry("name", "Their name").containsEntry("status", "ACTIVE");

    browser.driver.findElement(By.id("reload")).click();
    wait.until(ExpectedConditions.titleContains("Their name"));
    assertThat(browser.driver.findElement(By.id("name")).getAttribute("value"))
        .isEqualTo("Their name");

    type("price-" + sku, "twenty");
    browser.driver.findElement(By.id("edit:save")).click();
    WebElement wrongAmount =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".messages .alert")));
    assertThat(wrongAmount.getText())
        .isEqualTo("The price of " + sku + " must be an amount such as 79.00. Nothing was saved.");
    assertThat((BigDecimal) stored(slug).get("amount")).isEqualByComparingTo("19.00");
  }
}
