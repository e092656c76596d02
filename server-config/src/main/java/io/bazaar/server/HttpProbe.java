package io.bazaar.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET that always returns within its timeout: the answer, or empty when there was none in time.
 *
 * <p>Why not a plain {@code HttpClient.send} with a request timeout: the cluster's supervisor,
 * which asks every member's health once a second, once stopped for good while a member restarted
 * (nginx then never routed to that member again, and the cluster tests waited in vain). A probe
 * that can block holds the supervisor, and the supervisor holds the cluster. So the wait is bounded
 * here, on the caller's side, the request is abandoned when the time is up, and HTTP/1.1 is asked
 * for outright (no upgrade attempt on a plain connection).
 */
final class HttpProbe {

  private final HttpClient http;
  private final Duration timeout;

  HttpProbe(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  Optional<HttpResponse<String>> get(URI uri) throws InterruptedException {
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(
            HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    try {
      return Optional.of(answer.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException noAnswer) {
      answer.cancel(true);
      return Optional.empty();
    }
  }
}
