package io.bazaar.systemtest;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs MicroShed Testing in its manual mode against the shop this JVM started (no containers): sets
 * the {@code microshed_*} properties before MicroShed's own extension reads them. Registered by
 * JUnit's extension auto-detection, so it runs first. It acts for every test class, not only
 * {@code @MicroShedTest} ones: MicroShed's extension is auto-detected as well and fails any class
 * that runs before an environment is set (a single IT run with {@code -Dit.test=...}), and every
 * class of this module uses the running shop anyway.
 */
public final class MicroShedOnRunningShop implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (context.getTestClass().isEmpty()) {
      return;
    }
    var shop = RunningShop.ensureStarted(context);
    System.setProperty("microshed_manual_env", "true");
    System.setProperty("microshed_hostname", shop.stack.httpBaseUri().getHost());
    System.setProperty("microshed_http_port", Integer.toString(shop.stack.httpBaseUri().getPort()));
    System.setProperty("microshed_app_context_root", "/");
  }

  /**
   * The shop's database helpers for a MicroShed test class, which cannot take constructor
   * arguments.
   */
  public static RunningShop.Shop shop() {
    return RunningShop.current();
  }
}
