package io.bazaar.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** What the benchmarks share: the HTTP client, percentiles, medians and the Payara JVM options. */
final class Benchmarks {

  private Benchmarks() {}

  /**
   * HTTP/1.1 as a load balancer speaks to its upstreams (the JDK client would otherwise try an h2c
   * upgrade on every new connection).
   */
  static HttpClient http() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The status of a GET, or -1 when it failed without one. */
  static int get(HttpClient http, URI uri) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception failed) {
      return -1;
    }
  }

  static CatalogBenchmark.Latencies latencies(
      List<Long> samplesNanos, long measuredNanos, long errors) {
    List<Long> sorted = new ArrayList<>(samplesNanos);
    sorted.sort(null);
    return new CatalogBenchmark.Latencies(
        sorted.size() / (measuredNanos / 1e9),
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        errors);
  }

  /** The percentile of sorted nanosecond samples, in milliseconds. */
  static double percentile(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  /** The heap given plus whatever {@code bench.payara-jvm-options} adds (space-separated). */
  static List<String> payaraJvmOptions(String heap) {
    List<String> options = new ArrayList<>(List.of(heap));
    String extra = System.getProperty("bench.payara-jvm-options", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return options;
  }

  static void deleteRecursively(Path directory) throws Exception {
    if (Files.exists(directory)) {
      try (var files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
