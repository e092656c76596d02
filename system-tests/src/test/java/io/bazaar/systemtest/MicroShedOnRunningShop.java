package io.bazaar.systemtest;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Runs MicroShed Testing in its manual mode against the shop this JVM started (no containers): sets
 * the {@code microshed_*} properties before MicroShed's own extension reads them. Registered by
 * JUnit's extension auto-detection, so it runs first; acts only for {@code @MicroShedTest} classes.
 */
public final class MicroShedOnRunningShop implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    boolean microShed =
        context
            .getTestClass()
            .map(type -> type.isAnnotationPresent(MicroShedTest.class))
            .orElse(false);
    if (!microShed) {
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
