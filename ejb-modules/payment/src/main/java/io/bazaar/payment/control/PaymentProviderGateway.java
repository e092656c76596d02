package io.bazaar.payment.control;

import io.bazaar.payment.boundary.PaymentDeclined;
import io.bazaar.payment.boundary.PaymentProviderUnavailable;
import io.bazaar.payment.control.PaymentProviderClient.AuthorizationRequest;
import io.bazaar.payment.control.PaymentProviderClient.AuthorizationResponse;
import io.bazaar.persistence.Money;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The card processor over HTTP. Authorizations are retried with the same idempotency key, so a
 * retry after a lost answer finds the first authorization instead of making a second one; a refusal
 * is never retried.
 */
@ApplicationScoped
public class PaymentProviderGateway implements PaymentGateway {

  @Inject
  @ConfigProperty(name = "bazaar.payment.provider.url", defaultValue = "http://127.0.0.1:8090")
  String providerUrl;

  @Inject
  @ConfigProperty(name = "bazaar.payment.provider.read-timeout-ms", defaultValue = "4000")
  long readTimeoutMillis;

  private PaymentProviderClient provider;

  @PostConstruct
  void connect() {
    provider =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(providerUrl))
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            // Every status is interpreted below; the default mapper would turn the provider's 4xx
            // into a WebApplicationException that leaks its status to our own clients.
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(PaymentProviderClient.class);
  }

  @PreDestroy
  void disconnect() {
    if (provider instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignoredOnShutdown) {
        // the JVM or the application is going away; nothing left to release
      }
    }
  }

  @Override
  // Each attempt is bounded by the client's connect and read timeouts (above); an MP @Timeout on
  // top would never fire first, yet costs a scheduled task and a context capture per checkout.
  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PaymentProviderUnavailable.class)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 5_000,
      failOn = PaymentProviderUnavailable.class,
      skipOn = PaymentDeclined.class)
  public Authorization authorize(
      Money amount, String paymentToken, String reference, String idempotencyKey) {
    var request =
        new AuthorizationRequest(
            amount.getAmount().toPlainString(), amount.getCurrency(), paymentToken, reference);
    try (Response response = provider.authorize(idempotencyKey, request)) {
      int status = response.getStatus();
      if (status == 201 || status == 200) {
        AuthorizationResponse body = response.readEntity(AuthorizationResponse.class);
        return new Authorization(body.id(), Money.of(body.amount(), body.currency()), reference);
      }
      if (status == 402) {
        AuthorizationResponse body = response.readEntity(AuthorizationResponse.class);
        throw new PaymentDeclined(body.reason() == null ? "declined" : body.reason());
      }
      if (status >= 500) {
        throw new PaymentProviderUnavailable("HTTP " + status);
      }
      throw new IllegalStateException(
          "the payment provider rejected the request: HTTP "
              + status
              + " "
              + response.readEntity(String.class));
    } catch (ProcessingException unreachable) {
      throw new PaymentProviderUnavailable(unreachable.getMessage());
    }
  }

  @Override
  @Retry(maxRetries = 3, delay = 500, retryOn = PaymentProviderUnavailable.class)
  public void voidAuthorization(String authorizationId) {
    try (Response response = provider.voidAuthorization(authorizationId)) {
      int status = response.getStatus();
      if (status >= 500) {
        throw new PaymentProviderUnavailable("HTTP " + status);
      }
      if (status != 200) {
        throw new IllegalStateException(
            "voiding " + authorizationId + " was refused: HTTP " + status);
      }
    } catch (ProcessingException unreachable) {
      throw new PaymentProviderUnavailable(unreachable.getMessage());
    }
  }
}
