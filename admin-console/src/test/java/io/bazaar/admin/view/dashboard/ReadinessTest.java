package io.bazaar.admin.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static final Instant NOW = Instant.parse("2025-11-22T10:00:00Z");

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void readsEveryCheckWithItsStatusAndDetailsInTheReportedOrder() {
    Readiness readiness =
        Readiness.reported(
            json(
                """
                {"status":"DOWN","checks":[
                  {"name":"databases","status":"UP",
                   "data":{"orders":"UP","inventory":"UP","payments":"UP"}},
                  {"name":"broker","status":"DOWN","data":{"error":"connection refused","attempts":3}}
                ]}
                """),
            NOW);

    assertThat(readiness.reachable()).isTrue();
    assertThat(readiness.isUp()).isFalse();
    assertThat(readiness.status()).isEqualTo("DOWN");
    assertThat(readiness.readAt()).isEqualTo(NOW);
    assertThat(readiness.checks())
        .extracting(Readiness.Check::name, Readiness.Check::status, Readiness.Check::isUp)
        .containsExactly(tuple("databases", "UP", true), tuple("broker", "DOWN", false));
    assertThat(readiness.checks().get(0).data())
        .containsExactly(entry("orders", "UP"), entry("inventory", "UP"), entry("payments", "UP"));
    assertThat(readiness.checks().get(1).data())
        .containsEntry("error", "connection refused")
        .containsEntry("attempts", "3");
  }

  @Test
  void readsAReportWithoutChecksOrData() {
    Readiness readiness =
        Readiness.reported(
            json("{\"status\":\"UP\",\"checks\":[{\"name\":\"a\",\"status\":\"UP\"}]}"), NOW);

    assertThat(readiness.isUp()).isTrue();
    assertThat(readiness.checks())
        .singleElement()
        .satisfies(check -> assertThat(check.data()).isEmpty());
    assertThat(Readiness.reported(json("{\"status\":\"UP\"}"), NOW).checks()).isEmpty();
  }

  @Test
  void saysWhyTheShopCouldNotBeAsked() {
    Readiness readiness = Readiness.unreachable("no answer from http://127.0.0.1:8080/health", NOW);

    assertThat(readiness.reachable()).isFalse();
    assertThat(readiness.isUp()).isFalse();
    assertThat(readiness.status()).isEqualTo("UNKNOWN");
    assertThat(readiness.problem()).contains("no answer");
    assertThat(readiness.checks()).isEmpty();
  }
}
