package io.bazaar.benchmark;

import static io.bazaar.benchmark.CatalogBenchmark.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Changes reaching the search index one at a time, as a shop's index sees them between rebuilds (an
 * editor's save, a sell-out, a new rating): closed-loop editors each change a product's description
 * through the admin API, adding a word no other product has, then search for that word until the
 * product is found. Measures how long a change takes to become searchable (the shop promises under
 * a second) and how many segments the embedded Lucene index keeps while it takes them, which the
 * backend's merge policy decides.
 */
final class SingleEdits {

  private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 50;

  /** {@code searchable.perSecond()} is the edits made per second. */
  record Result(CatalogBenchmark.Latencies searchable, int segmentsAfter) {}

  private final HttpClient http;
  private final URI base;
  private final String admin;
  private final List<String> slugs;
  private final Path index;

  SingleEdits(HttpClient http, URI base, String admin, List<String> slugs, Path index) {
    this.http = http;
    this.base = base;
    this.admin = admin;
    this.slugs = slugs;
    this.index = index;
  }

  /**
   * Segments of the product index now: its segment info files ({@code .si}), one per segment; files
   * of segments merged away are deleted once no reader holds them.
   */
  int segments() throws Exception {
    try (Stream<Path> files = Files.list(index)) {
      return (int) files.filter(file -> file.getFileName().toString().endsWith(".si")).count();
    }
  }

  Result run(int editors, int seconds, long seed) throws Exception {
    List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    long started = System.nanoTime();
    long ends = started + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(editors);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int editor = 0; editor < editors; editor++) {
        Random random = new Random(seed * 31 + editor);
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < ends) {
                    try {
                      lags.add(editAndFind(slugs.get(random.nextInt(slugs.size())), random));
                    } catch (Exception failed) {
                      failures.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> editor : running) {
        editor.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long measured = System.nanoTime() - started;
    return new Result(Benchmarks.latencies(lags, measured, failures.get()), segments());
  }

  /** The nanoseconds from the edit's answer until a search finds the product by its new word. */
  private long editAndFind(String slug, Random random) throws Exception {
    URI product = base.resolve("/api/v1/admin/products/" + slug);
    JsonObject editable = json(send(HttpRequest.newBuilder(product).GET()));
    String word = uniqueWord(random);
    String edit =
        Json.createObjectBuilder()
            .add("version", editable.getJsonNumber("version").longValue())
            .add("name", editable.getString("name"))
            .add("description", editable.getString("description") + " " + word)
            .add("status", editable.getString("status"))
            .build()
            .toString();
    send(
        HttpRequest.newBuilder(product)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(edit)));
    long saved = System.nanoTime();
    URI search = base.resolve("/api/v1/search?q=" + word);
    while (System.nanoTime() - saved < SEARCHABLE_WITHIN.toNanos()) {
      JsonObject found = json(send(HttpRequest.newBuilder(search).GET()));
      if (found.getJsonObject("products").getJsonNumber("total").longValue() > 0) {
        return System.nanoTime() - saved;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(
        slug + " not searchable by " + word + " within " + SEARCHABLE_WITHIN.toSeconds() + " s");
  }

  /**
   * Twelve random letters: no product's text has such a word, and no two of them are within the
   * search's typo tolerance of each other in practice.
   */
  private static String uniqueWord(Random random) {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** The body of a 200 answer; any other answer fails the edit. */
  private String send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", admin).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
