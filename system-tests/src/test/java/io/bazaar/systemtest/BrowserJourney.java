package io.bazaar.systemtest;

import io.bazaar.systemtest.RunningShop.Shop;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real browser on the running shop: every test gets a fresh Chromium (no cookies of
 * another test), and the last page it saw is kept in target/screenshots/last.
 */
@ExtendWith(RunningShop.class)
abstract class BrowserJourney {

  protected final Shop shop;
  protected Browser browser;
  protected WebDriverWait wait;

  BrowserJourney(Shop shop) {
    this.shop = shop;
  }

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.keepLastPage(
        test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
    browser.close();
  }

  /** Opens a page of the shop, as typing its address. */
  void open(String path) {
    browser.driver.get(shop.stack.httpBaseUri() + path);
  }

  /** Signs in to the back office as the shop's admin; ends on the dashboard. */
  void signInToBackOffice() {
    open("/admin/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signIn:email")));
    browser.driver.findElement(By.id("signIn:email")).sendKeys(shop.stack.settings().adminEmail());
    browser
        .driver
        .findElement(By.id("signIn:password"))
        .sendKeys(shop.stack.settings().adminPassword());
    browser.driver.findElement(By.id("signIn:signInButton")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Reviews")));
  }

  /** An e-mail address no other test uses. */
  static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }
}
