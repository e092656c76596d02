package io.bazaar.benchmark;

import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import io.bazaar.server.ShopStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the catalog's targets on the real stack over a generated catalog (100,000 products by
 * default): a full search reindex; the product detail API under closed-loop clients, with views
 * spread evenly over every product and spread as shops see them (a few products much more viewed
 * than the rest); and search at a fixed arrival rate while the checkout benchmark's load runs
 * beside it. Latency at a fixed rate is measured from when each query was due, not from when it was
 * sent, so a stalled shop cannot hide its queue (no coordinated omission). Prints one line per run
 * and the medians.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -pl system-tests verify -DskipTests
 * -Dbench.main=io.bazaar.benchmark.CatalogBenchmark} (see docs/performance.md); options as system
 * properties: {@code bench.products=100000}, {@code bench.seconds=30}, {@code bench.warmup=15},
 * {@code bench.repeats=3}, {@code bench.detail-clients=16}, {@code bench.search-rate=200}, {@code
 * bench.checkout-clients=8}, {@code bench.editors=4}, {@code
 * bench.parts=reindex,detail,edits,search} (which measurements), {@code bench.detail-load=wrk} and
 * {@code bench.checkout-load=wrk} (the load generators of the product views and of the checkouts
 * beside the searches: {@code wrk} when it is installed, otherwise {@code java}), {@code
 * bench.data=target/benchmark-data} and {@code bench.reuse-data=false} (keep the catalog that
 * directory holds from an earlier run).
 */
public final class CatalogBenchmark {

  record Latencies(double perSecond, double p50, double p95, double p99, long errors) {}

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("bench.products", 100_000);
    int seconds = Integer.getInteger("bench.seconds", 30);
    int warmup = Integer.getInteger("bench.warmup", 15);
    int repeats = Integer.getInteger("bench.repeats", 3);
    int detailClients = Integer.getInteger("bench.detail-clients", 16);
    int searchRate = Integer.getInteger("bench.search-rate", 200);
    int checkoutClients = Integer.getInteger("bench.checkout-clients", 8);
    int editors = Integer.getInteger("bench.editors", 4);
    Set<String> parts =
        Set.of(System.getProperty("bench.parts", "reindex,detail,edits,search").split(","));
    Path data = Path.of(System.getProperty("bench.data", "target/benchmark-data")).toAbsolutePath();
    // Reusing a data directory skips generating the catalog again (the shop keeps what it loaded):
    // for measuring one change against another. Such figures compare with each other only: a shop
    // started anew over loaded data runs with a cold JIT, unlike one that has just generated it.
    if (!Boolean.getBoolean("bench.reuse-data")) {
      Benchmarks.deleteRecursively(data);
    }
    ShopLayout layout = ShopLayout.locate();
    ShopSettings settings =
        ShopSettings.defaults(data.resolve("shop"), layout)
            .useFreePorts()
            .nodeName("bench-catalog")
            .demoCatalog(true)
            .environment("BAZAAR_DEMO_CATALOG_PRODUCTS", String.valueOf(products))
            .payaraJvmOptions(Benchmarks.payaraJvmOptions("-Xmx2g"))
            .payaraStartTimeout(Duration.ofMinutes(40))
            .onProgress(step -> System.out.println("stack: " + step));
    long loadStarted = System.nanoTime();
    try (ShopStack stack = ShopStack.start(settings)) {
      System.out.printf(
          Locale.ROOT,
          "shop ready with %d generated products after %.0f s%n",
          products,
          (System.nanoTime() - loadStarted) / 1e9);
      URI base = stack.httpBaseUri();
      HttpClient http = Benchmarks.http();
      List<String> slugs = activeSlugs(stack);
      List<String> searches = searchMix(stack, new Random(7));
      String admin = adminToken(http, base, stack.settings());

      // Both ways the shop rebuilds: in place (the default over a full index, searches keep the
      // whole catalog) and from empty (the mass indexer).
      Map<String, List<Double>> reindexSeconds = new LinkedHashMap<>();
      for (String method :
          parts.contains("reindex")
              ? List.of("replace_in_place", "build_from_empty")
              : List.<String>of()) {
        for (int repeat = 1; repeat <= repeats; repeat++) {
          double took = reindex(http, base, admin, method);
          reindexSeconds.computeIfAbsent(method, m -> new ArrayList<>()).add(took);
          System.out.printf(
              Locale.ROOT,
              "run  reindex %s repeat=%d  %.1f s  %.0f products/s%n",
              method,
              repeat,
              took,
              products / took);
        }
      }

      // Two ways shoppers' views spread over the catalog: evenly over every product (nearly every
      // view then misses the detail cache, the worst case), and as shops see them, a few products
      // viewed far more often than the rest (Zipf, s = 1: the 100 most viewed of 100,000 products
      // get 43% of the views, the top 10,000 get 81%).
      Random random = new Random(11);
      PopularProducts popular = new PopularProducts(slugs, new Random(13));
      Map<String, Supplier<URI>> viewsBySpread = new LinkedHashMap<>();
      viewsBySpread.put(
          "any product",
          () -> base.resolve("/api/v1/products/" + slugs.get(random.nextInt(slugs.size()))));
      viewsBySpread.put(
          "popular products", () -> base.resolve("/api/v1/products/" + popular.next(random)));
      // wrk, when installed, generates the views (see Wrk).
      boolean wrk = Wrk.chosenFor("detail");
      WrkViews wrkViews = wrk ? WrkViews.prepare(data, base, popular.byPopularity()) : null;
      System.out.println("product detail load: " + (wrk ? "wrk" : "Java HttpClient"));
      Map<String, List<Latencies>> details = new LinkedHashMap<>();
      for (Map.Entry<String, Supplier<URI>> spread :
          parts.contains("detail")
              ? viewsBySpread.entrySet()
              : Set.<Map.Entry<String, Supplier<URI>>>of()) {
        String wrkSpread = spread.getKey().startsWith("popular") ? "popular" : "any";
        if (wrk) {
          wrkViews.run(wrkSpread, detailClients, warmup);
        } else {
          closedLoop(http, spread.getValue(), detailClients, warmup, 0);
        }
        for (int repeat = 1; repeat <= repeats; repeat++) {
          Latencies run =
              wrk
                  ? wrkViews.run(wrkSpread, detailClients, seconds)
                  : closedLoop(http, spread.getValue(), detailClients, 0, seconds);
          details.computeIfAbsent(spread.getKey(), s -> new ArrayList<>()).add(run);
          print(
              "product detail, " + spread.getKey() + ", " + detailClients + " clients",
              repeat,
              run);
        }
      }

      // Single changes between rebuilds, before the searches: what they leave is the index the
      // searches then run on.
      SingleEdits singleEdits =
          new SingleEdits(
              http,
              base,
              admin,
              slugs,
              data.resolve("shop/payara-bench-catalog/search-index/products"));
      List<SingleEdits.Result> editRuns = new ArrayList<>();
      for (int repeat = 1; parts.contains("edits") && repeat <= repeats; repeat++) {
        int segmentsBefore = singleEdits.segments();
        SingleEdits.Result run = singleEdits.run(editors, seconds, repeat);
        editRuns.add(run);
        System.out.printf(
            Locale.ROOT,
            "run  single edits, %d editors repeat=%d  %.1f edits/s  searchable after p50 %.0f ms"
                + "  p95 %.0f ms  p99 %.0f ms  failed %d  segments %d -> %d%n",
            editors,
            repeat,
            run.searchable().perSecond(),
            run.searchable().p50(),
            run.searchable().p95(),
            run.searchable().p99(),
            run.searchable().errors(),
            segmentsBefore,
            run.segmentsAfter());
      }

      CheckoutBenchmark.seedStock(stack.inventoryJdbcUrl(), stack.settings());
      // wrk, when installed, sends the checkouts beside the searches: a C client costs less CPU per
      // request than Java's, on the cores the shop needs (this JVM, clients and the payment
      // sandbox, mail server and document store together, took 20-64% of a core).
      boolean wrkCheckouts = Wrk.chosenFor("checkout");
      System.out.println("checkout load beside the searches: " + (wrkCheckouts ? "wrk" : "Java"));
      System.out.println("search index segments before the searches: " + singleEdits.segments());
      List<Latencies> searchRuns = new ArrayList<>();
      List<Double> checkoutsDuring = new ArrayList<>();
      for (int repeat = 0; parts.contains("search") && repeat <= repeats; repeat++) {
        int duration = repeat == 0 ? warmup : seconds;
        ConcurrentLinkedQueue<UUID> carts =
            CheckoutBenchmark.prepareCarts(
                stack.ordersJdbcUrl(), stack.settings(), (duration + 10) * 600);
        ExecutorService checkout = Executors.newSingleThreadExecutor();
        Future<CheckoutBenchmark.Result> checkouts =
            checkout.submit(
                () ->
                    wrkCheckouts
                        ? CheckoutBenchmark.wrkRun(
                            base, "xa", checkoutClients, carts, 2, duration + 2, data)
                        : CheckoutBenchmark.run(
                            base, "xa", checkoutClients, carts, 2, duration + 2));
        Thread.sleep(2_000);
        Random queries = new Random(repeat);
        Latencies run =
            fixedRate(
                http,
                () ->
                    base.resolve(
                        "/api/v1/search?" + searches.get(queries.nextInt(searches.size()))),
                searchRate,
                duration);
        CheckoutBenchmark.Result during = checkouts.get();
        checkout.shutdown();
        if (repeat == 0) {
          continue;
        }
        searchRuns.add(run);
        checkoutsDuring.add(during.ordersPerSecond());
        print(
            String.format(
                Locale.ROOT,
                "search at %d/s with %d checkout clients (%.0f orders/s)",
                searchRate,
                checkoutClients,
                during.ordersPerSecond()),
            repeat,
            run);
      }

      System.out.println();
      System.out.println("| measurement | median of " + repeats + " | target |");
      System.out.println("|---|---|---|");
      reindexSeconds.forEach(
          (method, took) ->
              System.out.printf(
                  Locale.ROOT,
                  "| full reindex of %d products, %s | %.1f s | under 120 s |%n",
                  products,
                  method,
                  Benchmarks.median(took)));
      details.forEach(
          (spread, runs) ->
              System.out.printf(
                  Locale.ROOT,
                  "| product detail, %s, %d clients | %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d | 3,000 req/s or more |%n",
                  spread,
                  detailClients,
                  Benchmarks.median(runs.stream().map(Latencies::perSecond).toList()),
                  Benchmarks.median(runs.stream().map(Latencies::p50).toList()),
                  Benchmarks.median(runs.stream().map(Latencies::p99).toList()),
                  runs.stream().mapToLong(Latencies::errors).sum()));
      if (!editRuns.isEmpty()) {
        System.out.printf(
            Locale.ROOT,
            "| single edits, %d editors: searchable after | p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %.1f edits/s, failed %d, segments after %d | under 1 s |%n",
            editors,
            Benchmarks.median(editRuns.stream().map(r -> r.searchable().p50()).toList()),
            Benchmarks.median(editRuns.stream().map(r -> r.searchable().p95()).toList()),
            Benchmarks.median(editRuns.stream().map(r -> r.searchable().p99()).toList()),
            Benchmarks.median(editRuns.stream().map(r -> r.searchable().perSecond()).toList()),
            editRuns.stream().mapToLong(r -> r.searchable().errors()).sum(),
            editRuns.get(editRuns.size() - 1).segmentsAfter());
      }
      if (!searchRuns.isEmpty()) {
        System.out.printf(
            Locale.ROOT,
            "| search at %d queries/s during checkout load (%.0f orders/s) | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d | p95 under 30 ms |%n",
            searchRate,
            Benchmarks.median(checkoutsDuring),
            Benchmarks.median(searchRuns.stream().map(Latencies::p50).toList()),
            Benchmarks.median(searchRuns.stream().map(Latencies::p95).toList()),
            Benchmarks.median(searchRuns.stream().map(Latencies::p99).toList()),
            searchRuns.stream().mapToLong(Latencies::errors).sum());
      }
    }
  }

  private static void print(String what, int repeat, Latencies run) {
    System.out.printf(
        Locale.ROOT,
        "run  %s repeat=%d  %.0f/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d%n",
        what,
        repeat,
        run.perSecond(),
        run.p50(),
        run.p95(),
        run.p99(),
        run.errors());
  }

  private static List<String> activeSlugs(ShopStack stack) throws Exception {
    List<String> slugs = new ArrayList<>();
    try (Connection db = connect(stack.inventoryJdbcUrl(), stack.settings());
        Statement sql = db.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "select slug from catalog.product where status = 'ACTIVE' and slug not like 'bench-%'")) {
      while (rows.next()) {
        slugs.add(rows.getString(1));
      }
    }
    return slugs;
  }

  /**
   * What shoppers send: a word or two from product names (some misspelt), often with a facet
   * filter, another sort or a later page; and some browsing of a category without text.
   */
  private static List<String> searchMix(ShopStack stack, Random random) throws Exception {
    List<String> words = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    List<String> brands = new ArrayList<>();
    try (Connection db = connect(stack.inventoryJdbcUrl(), stack.settings());
        Statement sql = db.createStatement()) {
      try (ResultSet rows =
          sql.executeQuery(
              "select name from catalog.product where status = 'ACTIVE' order by id limit 2000")) {
        while (rows.next()) {
          for (String word : rows.getString(1).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() > 3) {
              words.add(word);
            }
          }
        }
      }
      try (ResultSet rows = sql.executeQuery("select slug from catalog.category")) {
        while (rows.next()) {
          categories.add(rows.getString(1));
        }
      }
      try (ResultSet rows = sql.executeQuery("select slug from catalog.brand")) {
        while (rows.next()) {
          brands.add(rows.getString(1));
        }
      }
    }
    List<String> sorts = List.of("relevance", "price-asc", "price-desc", "newest", "rating");
    List<String> mix = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      StringBuilder query = new StringBuilder();
      int kind = random.nextInt(10);
      if (kind < 8) {
        String text = words.get(random.nextInt(words.size()));
        if (kind == 0 && text.length() > 5) {
          text = text.substring(0, 2) + text.charAt(3) + text.charAt(2) + text.substring(4);
        } else if (kind < 4) {
          text = text + " " + words.get(random.nextInt(words.size()));
        }
        query.append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
      }
      if (kind >= 6 || random.nextInt(3) == 0) {
        query.append(query.isEmpty() ? "" : "&");
        query.append("category=").append(categories.get(random.nextInt(categories.size())));
      }
      if (random.nextInt(4) == 0) {
        query.append("&brand=").append(brands.get(random.nextInt(brands.size())));
      }
      if (random.nextInt(5) == 0) {
        query.append("&price=25-100");
      }
      if (random.nextInt(3) == 0) {
        query.append("&sort=").append(sorts.get(random.nextInt(sorts.size())));
      }
      if (random.nextInt(5) == 0) {
        query.append("&page=").append(1 + random.nextInt(2));
      }
      mix.add(query.toString());
    }
    Collections.shuffle(mix, random);
    return mix;
  }

  private static String adminToken(HttpClient http, URI base, ShopSettings settings)
      throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("email", settings.adminEmail())
            .add("password", settings.adminPassword())
            .build()
            .toString();
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return "Bearer " + json(token.body()).getString("access_token");
  }

  /** Starts a full reindex and follows it to the end; the seconds it took as the shop reports. */
  private static double reindex(HttpClient http, URI base, String admin, String method)
      throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/admin/search/reindexing?method=" + method))
                .header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("reindex not started: " + accepted.body());
    }
    URI progress = URI.create(accepted.headers().firstValue("Location").orElseThrow());
    int lastPercent = -1;
    while (true) {
      Thread.sleep(500);
      JsonObject state =
          json(
              http.send(
                      HttpRequest.newBuilder(progress).header("Authorization", admin).GET().build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      int percent = state.getInt("percent");
      if (percent / 25 != lastPercent / 25) {
        System.out.printf(
            Locale.ROOT,
            "  reindex %3d %% (%d of %d) after %.0f s%n",
            percent,
            state.getJsonNumber("indexed").longValue(),
            state.getJsonNumber("total").longValue(),
            (System.nanoTime() - started) / 1e9);
        lastPercent = percent;
      }
      if (!state.getString("state").equals("RUNNING")) {
        if (!state.getString("state").equals("SUCCEEDED")) {
          throw new IllegalStateException("reindex ended " + state);
        }
        return (System.nanoTime() - started) / 1e9;
      }
    }
  }

  /** N clients, each sending its next request when the last one is answered. */
  private static Latencies closedLoop(
      HttpClient http, Supplier<URI> next, int clients, int warmupSeconds, int seconds)
      throws Exception {
    AtomicBoolean measuring = new AtomicBoolean(warmupSeconds == 0);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Thread client =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    URI uri;
                    synchronized (next) {
                      uri = next.get();
                    }
                    long started = System.nanoTime();
                    int status = Benchmarks.get(http, uri);
                    if (measuring.get()) {
                      if (status == 200) {
                        samples.add(System.nanoTime() - started);
                      } else if (errors.incrementAndGet() <= 3) {
                        System.out.println("  failed: HTTP " + status + " for " + uri);
                      }
                    }
                  }
                } finally {
                  done.countDown();
                }
              });
      client.setDaemon(true);
      client.start();
    }
    Thread.sleep(warmupSeconds * 1000L);
    samples.clear();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    long measured = System.nanoTime() - start;
    stop.set(true);
    done.await();
    return Benchmarks.latencies(new ArrayList<>(samples), measured, errors.get());
  }

  /**
   * Requests at a fixed arrival rate, each timed from when it was due: if the shop falls behind,
   * the waiting shows in the latencies.
   */
  private static Latencies fixedRate(
      HttpClient http, Supplier<URI> next, int perSecond, int seconds) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(32, perSecond / 2));
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    long intervalNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    long total = (long) perSecond * seconds;
    List<Future<?>> sent = new ArrayList<>();
    for (long i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      URI uri = next.get();
      sent.add(
          senders.submit(
              () -> {
                int status = Benchmarks.get(http, uri);
                if (status == 200) {
                  samples.add(System.nanoTime() - due);
                } else if (errors.incrementAndGet() <= 3) {
                  System.out.println("  failed: HTTP " + status + " for " + uri);
                }
              }));
    }
    for (Future<?> request : sent) {
      request.get();
    }
    long measured = System.nanoTime() - start;
    senders.shutdown();
    return Benchmarks.latencies(new ArrayList<>(samples), measured, errors.get());
  }

  private static Connection connect(String url, ShopSettings settings) throws Exception {
    return DriverManager.getConnection(url, settings.databaseUser(), settings.databasePassword());
  }

  static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** Products in a random popularity order; the k-th is picked in proportion to 1/k. */
  static final class PopularProducts {
    private final List<String> byPopularity;
    private final double[] cumulativeWeight;

    /** The slugs, most viewed first. */
    List<String> byPopularity() {
      return byPopularity;
    }

    PopularProducts(List<String> slugs, Random random) {
      byPopularity = new ArrayList<>(slugs);
      Collections.shuffle(byPopularity, random);
      cumulativeWeight = new double[byPopularity.size()];
      double sum = 0;
      for (int rank = 0; rank < cumulativeWeight.length; rank++) {
        sum += 1.0 / (rank + 1);
        cumulativeWeight[rank] = sum;
      }
    }

    String next(Random random) {
      double point = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
      int found = Arrays.binarySearch(cumulativeWeight, point);
      return byPopularity.get(found >= 0 ? found : -found - 1);
    }
  }
}
