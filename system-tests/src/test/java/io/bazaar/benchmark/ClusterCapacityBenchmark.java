package io.bazaar.benchmark;

import io.bazaar.server.ClusterStack;
import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Capacity of the cluster as an operator runs it: XA checkouts ({@code POST /api/v1/orders})
 * through nginx to 1, 2 and 3 Payara Micro members on the cluster's services (standalone Artemis,
 * PostgreSQL, the document store, OpenSearch), all on this machine. Each member count gets a fresh
 * cluster, a discarded JIT warm-up, then the measured runs; the checkout and its carts are those of
 * {@link CheckoutBenchmark}. Prints one line per run and the medians per configuration.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -pl system-tests verify -DskipTests
 * -Dbench.main=io.bazaar.benchmark.ClusterCapacityBenchmark}; options: {@code bench.members=1,2,3},
 * {@code bench.clients=16}, {@code bench.seconds=30}, {@code bench.warmup=10}, {@code
 * bench.repeats=3}, {@code bench.jit-warmup=240} (seconds of load before the first run).
 */
public final class ClusterCapacityBenchmark {

  record Measured(int members, CheckoutBenchmark.Result result) {}

  public static void main(String[] args) throws Exception {
    List<Integer> memberCounts = integers(System.getProperty("bench.members", "1,2,3"));
    List<Integer> clientCounts = integers(System.getProperty("bench.clients", "16"));
    int seconds = Integer.getInteger("bench.seconds", 30);
    int warmup = Integer.getInteger("bench.warmup", 10);
    int repeats = Integer.getInteger("bench.repeats", 3);
    int jitWarmup = Integer.getInteger("bench.jit-warmup", 240);
    Path data = Path.of(System.getProperty("bench.data", "target/benchmark-data")).toAbsolutePath();
    ShopLayout layout = ShopLayout.locate();
    List<Measured> results = new ArrayList<>();
    for (int members : memberCounts) {
      Path clusterData = data.resolve("cluster-" + members);
      Benchmarks.deleteRecursively(clusterData);
      ShopSettings settings =
          ShopSettings.defaults(clusterData, layout)
              .useFreePorts()
              .payaraJvmOptions(Benchmarks.payaraJvmOptions("-Xmx1g"));
      Instant starting = Instant.now();
      try (ClusterStack cluster = new ClusterStack(settings, members).start()) {
        awaitAllServing(cluster, Duration.ofMinutes(5));
        System.out.printf(
            Locale.ROOT,
            "cluster of %d up in %d s%n",
            members,
            Duration.between(starting, Instant.now()).toSeconds());
        String inventory = cluster.services().inventoryJdbcUrl();
        String orders = cluster.services().ordersJdbcUrl();
        CheckoutBenchmark.seedStock(inventory, settings);
        if (jitWarmup > 0) {
          CheckoutBenchmark.run(
              cluster.baseUri(),
              "xa",
              8,
              CheckoutBenchmark.prepareCarts(orders, settings, jitWarmup * 2500),
              jitWarmup,
              0);
        }
        for (int clients : clientCounts) {
          for (int repeat = 1; repeat <= repeats; repeat++) {
            var carts =
                CheckoutBenchmark.prepareCarts(
                    orders, settings, clients * 4 + (int) ((seconds + warmup) * 2500L));
            CheckoutBenchmark.Result result =
                CheckoutBenchmark.run(cluster.baseUri(), "xa", clients, carts, warmup, seconds);
            results.add(new Measured(members, result));
            System.out.printf(
                Locale.ROOT,
                "run  members=%d clients=%2d repeat=%d  %7.1f orders/s  p50 %6.1f ms  p99 %6.1f ms"
                    + "  errors %d%n",
                members,
                clients,
                repeat,
                result.ordersPerSecond(),
                result.p50Millis(),
                result.p99Millis(),
                result.errors());
          }
        }
      }
    }
    System.out.println();
    System.out.println(
        "| members | clients | orders/s (median) | p50 ms (median) | p99 ms (median) | errors |");
    System.out.println("|---|---|---|---|---|---|");
    for (int members : memberCounts) {
      for (int clients : clientCounts) {
        List<CheckoutBenchmark.Result> runs =
            results.stream()
                .filter(m -> m.members() == members && m.result().clients() == clients)
                .map(Measured::result)
                .toList();
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %.0f | %.1f | %.1f | %d |%n",
            members,
            clients,
            Benchmarks.median(
                runs.stream().map(CheckoutBenchmark.Result::ordersPerSecond).toList()),
            Benchmarks.median(runs.stream().map(CheckoutBenchmark.Result::p50Millis).toList()),
            Benchmarks.median(runs.stream().map(CheckoutBenchmark.Result::p99Millis).toList()),
            runs.stream().mapToLong(CheckoutBenchmark.Result::errors).sum());
      }
    }
  }

  private static void awaitAllServing(ClusterStack cluster, Duration patience)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (!cluster.allMembersServing()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("not every member serves after " + patience);
      }
      Thread.sleep(1000);
    }
  }

  private static List<Integer> integers(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .map(Integer::parseInt)
        .toList();
  }
}
