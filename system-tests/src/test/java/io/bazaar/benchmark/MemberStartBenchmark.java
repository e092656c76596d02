package io.bazaar.benchmark;

import io.bazaar.server.PayaraMember;
import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopSettings;
import io.bazaar.server.ShopStack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a Payara Micro member takes to come back after a stop, as after every crash, rolling
 * restart and test member: the shop's services start once, then one member (the storefront and the
 * back office, demo catalog off) is stopped and started again on its root directory {@code
 * bench.restarts} times. Prints, per start, the time until {@code /health/ready} answered 200 and
 * the storefront's deployment time from the member's log, then the medians.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -pl system-tests verify -DskipTests
 * -Dbench.main=io.bazaar.benchmark.MemberStartBenchmark}; options: {@code bench.restarts=5}, {@code
 * bench.storefront-war=PATH} (another storefront archive, to compare two builds).
 */
public final class MemberStartBenchmark {

  /**
   * A fresh deployment, or (a restart with nothing changed, see StartedDeployments) the remembered
   * one started at boot.
   */
  private static final Pattern STOREFRONT_DEPLOYED =
      Pattern.compile(
          "(?:web-storefront was successfully deployed in|Loading application web-storefront done"
              + " in) ([0-9,]+)");

  private static final Pattern CHECK_NAME = Pattern.compile("\"name\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int restarts = Integer.getInteger("bench.restarts", 5);
    Path data =
        Path.of(System.getProperty("bench.data", "target/benchmark-data"))
            .toAbsolutePath()
            .resolve("member-start");
    Benchmarks.deleteRecursively(data);
    ShopSettings settings =
        ShopSettings.defaults(data, ShopLayout.locate())
            .useFreePorts()
            .payaraJvmOptions(Benchmarks.payaraJvmOptions("-Xmx1g"));
    String war = System.getProperty("bench.storefront-war");
    if (war != null && !war.isBlank()) {
      settings.storefrontWar(Path.of(war));
    }
    System.out.println("storefront archive: " + settings.storefrontWar());
    List<Double> readySeconds = new ArrayList<>();
    List<Double> deploySeconds = new ArrayList<>();
    try (ShopStack shop = new ShopStack(settings).start()) {
      PayaraMember member = shop.payara();
      for (int start = 1; start <= restarts; start++) {
        member.stop();
        long started = System.nanoTime();
        member.start();
        double ready = (System.nanoTime() - started) / 1e9;
        double deploy = lastStorefrontDeployment(member.settings().logFile()) / 1e3;
        readySeconds.add(ready);
        deploySeconds.add(deploy);
        System.out.printf(
            Locale.ROOT,
            "start %d: ready after %.1f s, storefront deployed in %.1f s, readiness checks %s%n",
            start,
            ready,
            deploy,
            readinessChecks(member));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "median of %d starts: ready after %.1f s, storefront deployed in %.1f s%n",
        restarts,
        Benchmarks.median(readySeconds),
        Benchmarks.median(deploySeconds));
  }

  /** The names of the checks the member's readiness answer reports: the storefront's own. */
  private static List<String> readinessChecks(PayaraMember member) throws Exception {
    String body =
        Benchmarks.http()
            .send(
                HttpRequest.newBuilder(member.baseUri().resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    List<String> names = new ArrayList<>();
    Matcher name = CHECK_NAME.matcher(body);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  /** The storefront's deployment time the member logged last, in milliseconds. */
  private static double lastStorefrontDeployment(Path log) throws Exception {
    Matcher found = STOREFRONT_DEPLOYED.matcher(Files.readString(log));
    double millis = Double.NaN;
    while (found.find()) {
      millis = Double.parseDouble(found.group(1).replace(",", ""));
    }
    return millis;
  }
}
