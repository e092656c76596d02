package io.bazaar.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, as a person's browser: the machine's own Chromium
 * and ChromeDriver (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs),
 * never a downloaded one. Screenshots go to {@code target/screenshots} for people to look at.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM =
      Path.of(System.getProperty("bazaar.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("bazaar.test.chromedriver", "/usr/bin/chromedriver"));

  public final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  public Browser() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver)");
    }
    try {
      profile = Files.createTempDirectory("bazaar-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // No sandbox: the tests run as root in CI. The background-networking switches keep Chromium
    // from
    // calling out of this closed machine.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Waits until the element is shown. */
  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Replaces the text of the field with this id, as a person typing. */
  public void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Submits a form and waits until the browser has replaced the page, so that no look-up that
   * follows finds an element of the old one.
   */
  public void submit(By button) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    driver.findElement(button).click();
    wait.until(browser -> isGone(oldPage));
  }

  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException detached) {
      // Chromium answers "node does not belong to the document" for an element of a page it has
      // left, instead of a stale reference.
      return detached.getMessage() != null
          && detached.getMessage().contains("does not belong to the document");
    }
  }

  /** Saves what the browser shows now as target/screenshots/{name}.png. */
  public void screenshot(String name) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps the last page a test saw (picture and HTML) in target/screenshots/last, so a failure
   * shows what the shopper would have seen.
   */
  public void keepLastPage(String name) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "screenshots", "last"));
      Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(directory.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      // A browser that already failed must not hide the test's own failure.
    }
  }

  @Override
  public void close() {
    driver.quit();
    try {
      RunningShop.deleteRecursively(profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
