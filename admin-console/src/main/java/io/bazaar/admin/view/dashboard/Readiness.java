package io.bazaar.admin.view.dashboard;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the storefront said about its readiness, or why it could not be asked.
 *
 * @param reachable whether the storefront answered with a health report
 * @param status {@code UP} or {@code DOWN} as reported, {@code UNKNOWN} if unreachable
 * @param checks each check as reported, in the storefront's order
 * @param problem why the storefront could not be asked; empty when reachable
 * @param readAt when the storefront was asked
 */
public record Readiness(
    boolean reachable, String status, List<Check> checks, String problem, Instant readAt) {

  /** One health check: its name, UP or DOWN, and the details it reported. */
  public record Check(String name, String status, Map<String, String> data) {

    public boolean isUp() {
      return "UP".equals(status);
    }
  }

  public Readiness {
    checks = List.copyOf(checks);
  }

  public boolean isUp() {
    return "UP".equals(status);
  }

  /**
   * Reads a MicroProfile Health report: {@code {"status":..,"checks":[{"name","status","data"}]}}.
   */
  static Readiness reported(JsonObject report, Instant readAt) {
    List<Check> checks =
        report.getJsonArray("checks") == null
            ? List.of()
            : report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(Readiness::check)
                .toList();
    return new Readiness(true, report.getString("status", "UNKNOWN"), checks, "", readAt);
  }

  static Readiness unreachable(String problem, Instant readAt) {
    return new Readiness(false, "UNKNOWN", List.of(), problem, readAt);
  }

  private static Check check(JsonObject check) {
    Map<String, String> data = new LinkedHashMap<>();
    JsonObject reported = check.getJsonObject("data");
    if (reported != null) {
      reported.forEach((key, value) -> data.put(key, text(value)));
    }
    return new Check(
        check.getString("name", "(unnamed)"), check.getString("status", "UNKNOWN"), data);
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : value.toString();
  }
}
