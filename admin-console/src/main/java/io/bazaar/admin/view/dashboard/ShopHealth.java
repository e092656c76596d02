package io.bazaar.admin.view.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Asks the storefront how it is: its readiness report, {@code GET <bazaar.health.url>/ready}.
 * Without {@code bazaar.health.url} the health endpoints are where MicroProfile Health puts them,
 * {@code /health} on the server of {@code bazaar.api.url}. Nothing is cached; the dashboard shows
 * the answer of the moment, or that there was none.
 */
@ApplicationScoped
public class ShopHealth {

  private static final Logger LOG = Logger.getLogger(ShopHealth.class.getName());

  private static final String DISABLE_DEFAULT_MAPPER =
      "microprofile.rest.client.disable.default.mapper";

  @Inject
  @ConfigProperty(name = "bazaar.health.url")
  Optional<String> configuredHealthUrl;

  @Inject
  @ConfigProperty(name = "bazaar.api.url", defaultValue = "http://127.0.0.1:8080/api/v1")
  String apiUrl;

  private String healthUrl;

  private final Clock clock = Clock.systemUTC();
  private HealthClient health;

  @PostConstruct
  void connect() {
    healthUrl =
        configuredHealthUrl.orElseGet(() -> URI.create(apiUrl).resolve("/health").toString());
    health =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(healthUrl))
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(5, TimeUnit.SECONDS)
            .property(DISABLE_DEFAULT_MAPPER, true)
            .build(HealthClient.class);
  }

  /** Lifecycle methods may not throw checked exceptions; a failed close only loses a connection. */
  @PreDestroy
  void disconnect() {
    try {
      ((Closeable) health).close();
    } catch (IOException closeFailed) {
      LOG.log(Level.WARNING, "closing the health client failed", closeFailed);
    }
  }

  public Readiness readiness() {
    try (Response answer = health.ready()) {
      int status = answer.getStatus();
      if (status != 200 && status != 503) {
        return Readiness.unreachable(
            "the health endpoint answered HTTP " + status, clock.instant());
      }
      return Readiness.reported(answer.readEntity(JsonObject.class), clock.instant());
    } catch (ProcessingException | JsonException unreadable) {
      return Readiness.unreachable(
          "no answer from " + healthUrl + "/ready (" + rootMessage(unreadable) + ")",
          clock.instant());
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
