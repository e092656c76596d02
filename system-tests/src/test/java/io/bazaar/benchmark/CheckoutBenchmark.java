package io.bazaar.benchmark;

import io.bazaar.server.PayaraMember;
import io.bazaar.server.PayaraSettings;
import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import io.bazaar.server.ShopStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures checkout throughput and latency on the real stack: {@code POST /api/v1/orders} by N
 * closed-loop clients, with full XA (three PostgreSQL databases and the Artemis send in one
 * two-phase commit) and, for comparison, the same code on one local transaction (one non-XA pool
 * behind the three data source names, JMS send not enlisted). Carts are prepared in the database
 * beforehand so that only the checkout is timed. Prints one line per run and the medians per
 * configuration.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -pl system-tests -am verify -DskipTests} (see
 * docs/performance.md); options as system properties: {@code bench.clients=8,32}, {@code
 * bench.seconds=30}, {@code bench.warmup=10}, {@code bench.repeats=3}, {@code
 * bench.modes=xa,local}, {@code bench.checkout-load=wrk} (the load generator: {@code wrk} when it
 * is installed, otherwise {@code java}).
 */
public final class CheckoutBenchmark {

  private static final int SKUS = 200;
  private static final String CURRENCY = "EUR";

  record Result(
      String mode,
      int clients,
      double ordersPerSecond,
      double p50Millis,
      double p99Millis,
      long errors) {}

  /** Checkouts by closed-loop clients for a warm-up, then measured for {@code seconds}. */
  @FunctionalInterface
  interface Load {
    Result run(
        URI base,
        String mode,
        int clients,
        ConcurrentLinkedQueue<UUID> carts,
        int warmupSeconds,
        int seconds)
        throws Exception;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> clientCounts =
        Arrays.stream(System.getProperty("bench.clients", "8,32").split(","))
            .map(Integer::parseInt)
            .toList();
    int seconds = Integer.getInteger("bench.seconds", 30);
    int warmup = Integer.getInteger("bench.warmup", 10);
    int repeats = Integer.getInteger("bench.repeats", 3);
    List<String> modes = List.of(System.getProperty("bench.modes", "xa,local").split(","));
    // Its own directory below bench.data: the catalog benchmark keeps a generated catalog there
    // that takes many minutes to build again.
    Path data =
        Path.of(System.getProperty("bench.data", "target/benchmark-data"))
            .toAbsolutePath()
            .resolve("checkout");
    Benchmarks.deleteRecursively(data);
    ShopLayout layout = ShopLayout.locate();
    List<Result> results = new ArrayList<>();
    // wrk, when installed, sends the checkouts (see Wrk); otherwise this JVM's clients.
    boolean wrk = Wrk.chosenFor("checkout");
    Load load =
        wrk
            ? (base, mode, clients, carts, warmupSeconds, runSeconds) ->
                wrkRun(base, mode, clients, carts, warmupSeconds, runSeconds, data)
            : CheckoutBenchmark::run;
    System.out.println("checkout load: " + (wrk ? "wrk" : "Java HttpClient"));
    try (ShopStack stack =
        ShopStack.start(
            ShopSettings.defaults(data.resolve("shop"), layout).useFreePorts().withoutPayara())) {
      for (String mode : modes) {
        PayaraMember member = member(stack, layout, mode, data).start();
        try {
          String database = mode.equals("xa") ? stack.inventoryJdbcUrl() : stack.ordersJdbcUrl();
          String cartDatabase = stack.ordersJdbcUrl();
          seedStock(database, stack.settings());
          // On two cores the JIT is still compiling (C2 took half of Payara's CPU) for about four
          // minutes of load; those minutes are not measured.
          int jitWarmup = Integer.getInteger("bench.jit-warmup", 240);
          if (jitWarmup > 0) {
            load.run(
                member.baseUri(),
                mode,
                8,
                prepareCarts(cartDatabase, stack.settings(), jitWarmup * 2500),
                jitWarmup,
                0);
          }
          for (int clients : clientCounts) {
            for (int repeat = 1; repeat <= repeats; repeat++) {
              int cartsNeeded = clients * 4 + (int) ((seconds + warmup) * 2500L);
              ConcurrentLinkedQueue<UUID> carts =
                  prepareCarts(cartDatabase, stack.settings(), cartsNeeded);
              Result result = load.run(member.baseUri(), mode, clients, carts, warmup, seconds);
              results.add(result);
              System.out.printf(
                  Locale.ROOT,
                  "run  mode=%-5s clients=%2d repeat=%d  %7.1f orders/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n",
                  mode,
                  clients,
                  repeat,
                  result.ordersPerSecond(),
                  result.p50Millis(),
                  result.p99Millis(),
                  result.errors());
            }
          }
        } finally {
          member.stop();
        }
      }
    }
    System.out.println();
    System.out.println(
        "| transaction | clients | orders/s (median) | p50 ms (median) | p99 ms (median) | errors |");
    System.out.println("|---|---|---|---|---|---|");
    for (String mode : modes) {
      for (int clients : clientCounts) {
        List<Result> runs =
            results.stream().filter(r -> r.mode().equals(mode) && r.clients() == clients).toList();
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.0f | %.1f | %.1f | %d |%n",
            mode.equals("xa") ? "XA, 3 databases + JMS" : "one local transaction",
            clients,
            Benchmarks.median(runs.stream().map(Result::ordersPerSecond).toList()),
            Benchmarks.median(runs.stream().map(Result::p50Millis).toList()),
            Benchmarks.median(runs.stream().map(Result::p99Millis).toList()),
            runs.stream().mapToLong(Result::errors).sum());
      }
    }
  }

  private static PayaraMember member(ShopStack stack, ShopLayout layout, String mode, Path data)
      throws Exception {
    Path templates = layout.payaraTemplates();
    if (mode.equals("local")) {
      Path local = Files.createDirectories(data.resolve("local-templates"));
      for (String file : List.of("pre-boot-commands.asadmin", "hazelcast.xml")) {
        Files.copy(templates.resolve(file), local.resolve(file));
      }
      try (var in =
          CheckoutBenchmark.class.getResourceAsStream(
              "/benchmark/local-transaction/post-boot-commands.asadmin")) {
        Files.copy(in, local.resolve("post-boot-commands.asadmin"));
      }
      templates = local;
    }
    PayaraSettings settings =
        new PayaraSettings(layout.payaraMicroJar(), templates, data.resolve("member-" + mode))
            .nodeName("bench-" + mode)
            .httpPort(io.bazaar.server.TcpPorts.freePort())
            .gridPort(io.bazaar.server.TcpPorts.freePort())
            .clusterName("bench-" + mode)
            .libraries(layout.serverLibraries())
            .jvmOptions(Benchmarks.payaraJvmOptions("-Xmx1g"))
            .environment(stack.payaraEnvironment());
    return new PayaraMember(settings);
  }

  /** SKUs with more stock than any run can sell, spread over two warehouses. */
  static void seedStock(String jdbcUrl, ShopSettings settings) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                jdbcUrl, settings.databaseUser(), settings.databasePassword());
        Statement sql = db.createStatement()) {
      sql.execute(
          "insert into catalog.category (slug, name, position) values ('benchmark', 'Benchmark', 0) on conflict do nothing");
      sql.execute(
          "insert into inventory.warehouse (code, name, priority) values ('MAIN', 'Main', 0), ('NORTH', 'North', 1) on conflict do nothing");
      sql.execute(
          "insert into catalog.brand (slug, name) values ('benchbrand', 'Benchbrand') on conflict do nothing");
      sql.execute(
          "insert into catalog.product (slug, name, brand_id, description, category_id, status, created_at, updated_at)"
              + " select 'bench-' || g, 'Benchmark product ' || g, b.id, 'For the benchmark.', c.id, 'ACTIVE', now(), now()"
              + " from generate_series(1, "
              + SKUS
              + ") g, catalog.category c, catalog.brand b where c.slug = 'benchmark' and b.slug = 'benchbrand'"
              + " on conflict do nothing");
      sql.execute(
          "insert into catalog.variant (sku, product_id, label, amount, currency, position, in_stock)"
              + " select 'BENCH-' || substr(p.slug, 7), p.id, 'Standard', 19.99, '"
              + CURRENCY
              + "', 0, true"
              + " from catalog.product p where p.slug like 'bench-%' on conflict do nothing");
      sql.execute(
          "insert into inventory.stock_level (sku, warehouse_code, on_hand)"
              + " select v.sku, w.code, 10000000 from catalog.variant v, inventory.warehouse w"
              + " where v.sku like 'BENCH-%' on conflict (sku, warehouse_code) do update set on_hand = 10000000");
    }
  }

  /** Open carts with one or two random lines each, written straight into the cart schema. */
  static ConcurrentLinkedQueue<UUID> prepareCarts(String jdbcUrl, ShopSettings settings, int count)
      throws Exception {
    ConcurrentLinkedQueue<UUID> carts = new ConcurrentLinkedQueue<>();
    try (Connection db =
        DriverManager.getConnection(
            jdbcUrl, settings.databaseUser(), settings.databasePassword())) {
      db.setAutoCommit(false);
      try (PreparedStatement cart =
              db.prepareStatement(
                  "insert into cart.cart (id, status, created_at, updated_at) values (?, 'OPEN', now(), now())");
          PreparedStatement line =
              db.prepareStatement(
                  "insert into cart.cart_line (cart_id, sku, quantity, position) values (?, ?, ?, ?)")) {
        var random = new java.util.Random(count);
        for (int i = 0; i < count; i++) {
          UUID id = UUID.randomUUID();
          cart.setObject(1, id);
          cart.addBatch();
          int lines = 1 + random.nextInt(2);
          int first = 1 + random.nextInt(SKUS);
          for (int l = 0; l < lines; l++) {
            line.setObject(1, id);
            line.setString(2, "BENCH-" + (1 + (first + l * 7) % SKUS));
            line.setInt(3, 1 + random.nextInt(2));
            line.setInt(4, l);
            line.addBatch();
          }
          carts.add(id);
          if (i % 1000 == 999) {
            cart.executeBatch();
            line.executeBatch();
          }
        }
        cart.executeBatch();
        line.executeBatch();
      }
      db.commit();
    }
    return carts;
  }

  /**
   * The same as {@link #run} with wrk's connections as the clients: the warm-up and the measured
   * run each take their carts from the queue (about as many as the shop could check out in the
   * time: a cart left over costs nothing, a missing one would be an error).
   */
  static Result wrkRun(
      URI base,
      String mode,
      int clients,
      ConcurrentLinkedQueue<UUID> carts,
      int warmupSeconds,
      int seconds,
      Path data)
      throws Exception {
    Path script = Wrk.script(data.resolve("wrk"), "checkouts.lua");
    if (warmupSeconds > 0) {
      Wrk.run(base, script, cartsFor(data, carts, warmupSeconds), clients, warmupSeconds);
    }
    if (seconds == 0) {
      return null;
    }
    CatalogBenchmark.Latencies run =
        Wrk.run(base, script, cartsFor(data, carts, seconds), clients, seconds);
    return new Result(mode, clients, run.perSecond(), run.p50(), run.p99(), run.errors());
  }

  private static java.util.Map<String, String> cartsFor(
      Path data, ConcurrentLinkedQueue<UUID> carts, int seconds) throws Exception {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < seconds * 2500; i++) {
      UUID cart = carts.poll();
      if (cart == null) {
        break;
      }
      taken.add(cart.toString());
    }
    Path file = data.resolve("wrk").resolve("carts.txt");
    Files.write(file, taken);
    return java.util.Map.of(
        "BAZAAR_CARTS", file.toString(), "BAZAAR_THREADS", String.valueOf(Wrk.THREADS));
  }

  static Result run(
      URI base,
      String mode,
      int clients,
      ConcurrentLinkedQueue<UUID> carts,
      int warmupSeconds,
      int seconds)
      throws Exception {
    HttpClient http = Benchmarks.http();
    URI orders = URI.create(base + "/api/v1/orders");
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong errors = new AtomicLong();
    AtomicBoolean ranOutOfCarts = new AtomicBoolean(false);
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      long[] samples = new long[200_000];
      latencies.add(samples);
      int[] count = {0};
      Thread client =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    UUID cart = carts.poll();
                    if (cart == null) {
                      errors.incrementAndGet();
                      break;
                    }
                    String body =
                        "{\"cartId\":\""
                            + cart
                            + "\",\"email\":\"bench@example.org\",\"shippingAddress\":"
                            + "{\"name\":\"Bench\",\"line1\":\"1 Load St\",\"city\":\"Berlin\",\"postalCode\":\"10115\","
                            + "\"country\":\"DE\"},\"paymentToken\":\"tok_visa\"}";
                    HttpRequest request =
                        HttpRequest.newBuilder(orders)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long started = System.nanoTime();
                    int status;
                    try {
                      status =
                          http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception failed) {
                      status = -1;
                    }
                    long elapsed = System.nanoTime() - started;
                    if (measuring.get()) {
                      if (status == 201) {
                        samples[count[0]++] = elapsed;
                      } else {
                        errors.incrementAndGet();
                      }
                    }
                  }
                } finally {
                  samples[samples.length - 1] = count[0];
                  done.countDown();
                }
              },
              "checkout-client-" + c);
      client.start();
      threads.add(client);
    }
    Thread.sleep(warmupSeconds * 1000L);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    long measured = System.nanoTime() - start;
    stop.set(true);
    done.await();
    List<Long> all = new ArrayList<>();
    for (long[] samples : latencies) {
      int n = (int) samples[samples.length - 1];
      for (int i = 0; i < n; i++) {
        all.add(samples[i]);
      }
    }
    if (ranOutOfCarts.get() && seconds > 0) {
      throw new IllegalStateException(
          "the clients used up the prepared carts before the run ended: prepare more carts");
    }
    all.sort(null);
    double throughput = all.size() / (measured / 1e9);
    return new Result(
        mode,
        clients,
        throughput,
        Benchmarks.percentile(all, 50),
        Benchmarks.percentile(all, 99),
        errors.get());
  }
}
