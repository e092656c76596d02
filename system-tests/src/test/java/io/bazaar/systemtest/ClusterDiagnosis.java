package io.bazaar.systemtest;

import io.bazaar.server.ClusterStack;
import io.bazaar.server.PayaraMember;
import io.bazaar.systemtest.Api.Reply;
import java.nio.file.Path;
import java.util.List;

/**
 * What a cluster test says when members do not serve: each member's state, then its last log lines.
 */
final class ClusterDiagnosis {

  private ClusterDiagnosis() {}

  /** The members' state and the tails of their logs. */
  static String of(ClusterStack cluster) {
    return members(cluster) + logTails(cluster);
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

  /** The last lines of each member's console and log: why a start failed or hangs. */
  static String logTails(ClusterStack cluster) {
    StringBuilder tails = new StringBuilder();
    for (Path console :
        cluster.members().stream()
            .flatMap(
                m -> java.util.stream.Stream.of(m.settings().consoleFile(), m.settings().logFile()))
            .toList()) {
      try {
        List<String> lines = java.nio.file.Files.readAllLines(console);
        tails
            .append("\n--- last lines of ")
            .append(console)
            .append(":\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
      } catch (java.io.IOException | RuntimeException unreadable) {
        tails.append("\n--- ").append(console).append(" unreadable: ").append(unreadable);
      }
    }
    return tails.toString();
  }
}
