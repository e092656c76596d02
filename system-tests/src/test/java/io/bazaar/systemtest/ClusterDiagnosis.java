package io.bazaar.systemtest;

import io.bazaar.server.ClusterStack;
import io.bazaar.server.PayaraMember;
import io.bazaar.systemtest.Api.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a cluster test says when members do not serve: each member's state, then what the members
 * that are not routed were doing, then the others' last log lines. CI shows only the start of a
 * long failure message, so the member that is not back comes first.
 */
final class ClusterDiagnosis {

  private static final int TAIL_LINES = 25;
  private static final int FRAMES_PER_THREAD = 20;
  private static final int SHOWN_THREAD_LINES = 120;

  private ClusterDiagnosis() {}

  /** The members' state, what those not routed are doing, and the tails of all logs. */
  static String of(ClusterStack cluster) {
    Map<String, ?> routed = cluster.routed();
    List<PayaraMember> notRouted = new ArrayList<>();
    List<PayaraMember> serving = new ArrayList<>();
    for (PayaraMember member : cluster.members()) {
      (routed.containsKey(member.nodeName()) ? serving : notRouted).add(member);
    }
    StringBuilder diagnosis = new StringBuilder(members(cluster));
    for (PayaraMember member : notRouted) {
      diagnosis.append(whatItIsDoing(member));
      diagnosis.append(logTails(member));
      previousLife(member).ifPresent(life -> diagnosis.append(tail(life, "previous life's")));
    }
    for (PayaraMember member : serving) {
      diagnosis.append(logTails(member));
    }
    return diagnosis.toString();
  }

  /** Each member's process and readiness answer, to say why one is not back in rotation. */
  static String members(ClusterStack cluster) {
    StringBuilder members = new StringBuilder("routed " + cluster.routed().keySet());
    for (PayaraMember member : cluster.members()) {
      members
          .append("; ")
          .append(member.nodeName())
          .append(member.isRunning() ? " running" : " down");
      try {
        Reply ready = new Api(member.baseUri().resolve("/")).get("health/ready");
        members.append(", ready ").append(ready.status()).append(' ').append(ready.body());
      } catch (RuntimeException unreachable) {
        members.append(", no answer: ").append(unreachable);
      }
    }
    return members.toString();
  }

  /**
   * A running member that does not serve is stuck somewhere: its threads go to a file beside its
   * logs, and those that deploy or run the shop's code into the message.
   */
  private static String whatItIsDoing(PayaraMember member) {
    if (!member.isRunning()) {
      return "\n--- " + member.nodeName() + " has no process";
    }
    Path dump =
        member
            .settings()
            .dataDirectory()
            .resolve(
                member.nodeName()
                    + "-threads-"
                    + Instant.now().toString().replace(':', '-')
                    + ".txt");
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(member.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(dump.toFile())
              .start();
      if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
        return "\n--- " + member.nodeName() + ": no thread dump within 30 s (" + dump + ")";
      }
      return "\n--- "
          + member.nodeName()
          + "'s deploying threads and those in the shop's code (all threads in "
          + dump
          + "):\n"
          + threadsThatMatter(Files.readAllLines(dump));
    } catch (IOException | RuntimeException failed) {
      return "\n--- " + member.nodeName() + ": no thread dump: " + failed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "\n--- " + member.nodeName() + ": thread dump interrupted";
    }
  }

  /**
   * The threads that say where a boot or a request is stuck: Payara's main and run-level threads
   * (which deploy the applications) and any thread in the shop's own code, each cut short.
   */
  static String threadsThatMatter(List<String> dump) {
    List<String> shown = new ArrayList<>();
    List<String> thread = new ArrayList<>();
    for (String line : dump) {
      if (line.isBlank()) {
        addIfItMatters(thread, shown);
        thread = new ArrayList<>();
      } else {
        thread.add(line);
      }
    }
    addIfItMatters(thread, shown);
    return shown.isEmpty()
        ? "(no deploying thread and none in the shop's code)"
        : String.join("\n", shown.subList(0, Math.min(shown.size(), SHOWN_THREAD_LINES)));
  }

  private static void addIfItMatters(List<String> thread, List<String> shown) {
    if (thread.isEmpty() || !thread.get(0).startsWith("\"")) {
      return;
    }
    String header = thread.get(0);
    boolean deploying =
        header.startsWith("\"main\"") || header.contains("RunLevelControllerThread");
    boolean inShopCode = thread.stream().anyMatch(line -> line.contains("io.bazaar."));
    if (deploying || inShopCode) {
      shown.addAll(thread.subList(0, Math.min(thread.size(), FRAMES_PER_THREAD)));
    }
  }

  /** The newest archived life of a member: what it logged before its last restart. */
  private static Optional<Path> previousLife(PayaraMember member) {
    Path archive = member.settings().logArchiveDirectory();
    if (!Files.isDirectory(archive)) {
      return Optional.empty();
    }
    try (Stream<Path> lives = Files.list(archive)) {
      return lives
          .filter(Files::isDirectory)
          .max(Comparator.naturalOrder())
          .map(life -> life.resolve(member.settings().consoleFile().getFileName()));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** The last lines of a member's console and log: why a start failed or hangs. */
  private static String logTails(PayaraMember member) {
    return tail(member.settings().consoleFile(), "") + tail(member.settings().logFile(), "");
  }

  private static String tail(Path file, String which) {
    try {
      List<String> lines = Files.readAllLines(file);
      return "\n--- last "
          + (which.isEmpty() ? "" : which + " ")
          + "lines of "
          + file
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException | RuntimeException unreadable) {
      return "\n--- " + file + " unreadable: " + unreadable;
    }
  }
}
