package io.bazaar.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.server.TcpPorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentSandboxTest {

  private static final String VISA_12_34 =
      "{\"amount\":\"12.34\",\"currency\":\"EUR\",\"token\":\"tok_visa\",\"reference\":\"BZ-ABC\"}";

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();
  private PaymentSandbox sandbox;

  @BeforeEach
  void start() throws IOException {
    sandbox = new PaymentSandbox(data.resolve("payment-sandbox.json"), TcpPorts.freePort()).start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void approvesATestCardWithTheContractsFields() throws Exception {
    Answer answer = post("/v1/authorizations", newKey(), VISA_12_34);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().keySet())
        .containsExactlyInAnyOrder("id", "status", "amount", "currency", "reference", "createdAt");
    assertThat(answer.json().getString("id")).matches("auth_[a-z0-9]{24}");
    assertThat(answer.json().getString("status")).isEqualTo("AUTHORIZED");
    assertThat(answer.json().getString("amount")).isEqualTo("12.34");
    assertThat(answer.json().getString("currency")).isEqualTo("EUR");
    assertThat(answer.json().getString("reference")).isEqualTo("BZ-ABC");
    assertThat(Instant.parse(answer.json().getString("createdAt")))
        .isBeforeOrEqualTo(Instant.now());
    assertThat(sandbox.authorizations())
        .singleElement()
        .satisfies(
            authorization -> {
              assertThat(authorization.amount()).isEqualByComparingTo("12.34");
              assertThat(authorization.token()).isEqualTo("tok_visa");
            });
  }

  @Test
  void approvesAnyOtherTestToken() throws Exception {
    Answer answer =
        post("/v1/authorizations", newKey(), VISA_12_34.replace("tok_visa", "tok_mastercard"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().getString("status")).isEqualTo("AUTHORIZED");
  }

  @Test
  void declinesTheDeclinedTestToken() throws Exception {
    Answer answer =
        post("/v1/authorizations", newKey(), VISA_12_34.replace("tok_visa", "tok_declined"));

    assertThat(answer.status()).isEqualTo(402);
    assertThat(answer.json().getString("status")).isEqualTo("DECLINED");
    assertThat(answer.json().getString("reason")).isEqualTo("card_declined");
    assertThat(answer.json().getString("id")).startsWith("auth_");
  }

  @Test
  void simulatesAnOutageThatStoresNothing() throws Exception {
    String key = newKey();
    String unavailable = VISA_12_34.replace("tok_visa", "tok_unavailable");

    assertThat(post("/v1/authorizations", key, unavailable).status()).isEqualTo(503);
    assertThat(sandbox.authorizations()).isEmpty();
    assertThat(post("/v1/authorizations", key, unavailable).status()).isEqualTo(503);
    assertThat(post("/v1/authorizations", key, VISA_12_34).status())
        .as("a retry after an outage is processed, not refused as a reused key")
        .isEqualTo(201);
  }

  @Test
  void requiresAnIdempotencyKey() throws Exception {
    Answer answer = post("/v1/authorizations", null, VISA_12_34);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json().getInt("status")).isEqualTo(400);
    assertThat(answer.json().getString("detail")).contains("Idempotency-Key");
  }

  @Test
  void refusesMalformedRequestsWithProblemDocuments() throws Exception {
    assertThat(post("/v1/authorizations", newKey(), "{not json").status()).isEqualTo(400);
    assertThat(post("/v1/authorizations", newKey(), "[]").status()).isEqualTo(400);
    assertThat(
            post("/v1/authorizations", newKey(), VISA_12_34.replace("\"12.34\"", "12.34")).status())
        .as("an amount as a JSON number")
        .isEqualTo(400);
    assertThat(post("/v1/authorizations", newKey(), VISA_12_34.replace("12.34", "-1.00")).status())
        .isEqualTo(400);
    assertThat(post("/v1/authorizations", newKey(), VISA_12_34.replace("12.34", "0.00")).status())
        .isEqualTo(400);
    assertThat(post("/v1/authorizations", newKey(), VISA_12_34.replace("EUR", "euro")).status())
        .isEqualTo(400);
    assertThat(
            post("/v1/authorizations", newKey(), VISA_12_34.replace("tok_visa", "4111111111111111"))
                .status())
        .isEqualTo(400);
    assertThat(
            post("/v1/authorizations", newKey(), "{\"amount\":\"1.00\",\"currency\":\"EUR\"}")
                .status())
        .isEqualTo(400);
    assertThat(sandbox.authorizations()).isEmpty();
  }

  @Test
  void replaysTheFirstAnswerForTheSameKeyAndBody() throws Exception {
    String key = newKey();
    Answer first = post("/v1/authorizations", key, VISA_12_34);
    Answer replay = post("/v1/authorizations", key, VISA_12_34.replace(",", " , "));

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.replayed()).isTrue();
    assertThat(sandbox.authorizations()).hasSize(1);
  }

  @Test
  void replaysADeclineWithItsStatus() throws Exception {
    String key = newKey();
    String declined = VISA_12_34.replace("tok_visa", "tok_declined");
    Answer first = post("/v1/authorizations", key, declined);
    Answer replay = post("/v1/authorizations", key, declined);

    assertThat(replay.status()).isEqualTo(402);
    assertThat(replay.json().getString("id")).isEqualTo(first.json().getString("id"));
  }

  @Test
  void refusesTheSameKeyWithADifferentBody() throws Exception {
    String key = newKey();
    post("/v1/authorizations", key, VISA_12_34);

    Answer conflict = post("/v1/authorizations", key, VISA_12_34.replace("12.34", "12.35"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.contentType()).isEqualTo("application/problem+json");
    assertThat(sandbox.authorizations()).hasSize(1);
  }

  @Test
  void voidsAnAuthorizationIdempotently() throws Exception {
    String id = authorize("12.34");

    Answer voided = post("/v1/authorizations/" + id + "/void", null, "");
    Answer again = post("/v1/authorizations/" + id + "/void", null, "");

    assertThat(voided.status()).isEqualTo(200);
    assertThat(voided.json().getString("status")).isEqualTo("VOIDED");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("status")).isEqualTo("VOIDED");
    assertThat(
            post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"1.00\"}").status())
        .isEqualTo(409);
  }

  @Test
  void refusesToVoidACapturedAuthorizationOrAnUnknownOne() throws Exception {
    String id = authorize("12.34");
    post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"12.34\"}");

    assertThat(post("/v1/authorizations/" + id + "/void", null, "").status()).isEqualTo(409);
    assertThat(post("/v1/authorizations/auth_unknown/void", null, "").status()).isEqualTo(404);
    assertThat(get("/v1/authorizations/auth_unknown").status()).isEqualTo(404);
  }

  @Test
  void capturesAtMostTheAuthorizedAmount() throws Exception {
    String id = authorize("12.34");

    Answer tooMuch = post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"12.35\"}");
    Answer captured = post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"10.00\"}");

    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(captured.status()).isEqualTo(200);
    assertThat(captured.json().getString("status")).isEqualTo("CAPTURED");
    assertThat(captured.json().getString("capturedAmount")).isEqualTo("10.00");
    assertThat(
            post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"10.00\"}").status())
        .as("the same capture again, as a retry")
        .isEqualTo(200);
    assertThat(
            post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"11.00\"}").status())
        .isEqualTo(409);
  }

  @Test
  void refundsOnlyCapturedMoneyAndNoMoreThanWasCaptured() throws Exception {
    String id = authorize("12.34");
    String refunds = "/v1/authorizations/" + id + "/refunds";

    assertThat(post(refunds, newKey(), "{\"amount\":\"1.00\"}").status())
        .as("before capture")
        .isEqualTo(409);
    post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"10.00\"}");
    assertThat(post(refunds, null, "{\"amount\":\"1.00\"}").status()).isEqualTo(400);

    String key = newKey();
    Answer refund = post(refunds, key, "{\"amount\":\"6.00\"}");
    assertThat(refund.status()).isEqualTo(201);
    assertThat(refund.json().getString("id")).startsWith("re_");
    assertThat(refund.json().getString("authorizationId")).isEqualTo(id);
    assertThat(refund.json().getString("amount")).isEqualTo("6.00");
    assertThat(refund.json().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(post(refunds, key, "{\"amount\":\"6.00\"}").json().getString("id"))
        .as("a replayed refund is not paid twice")
        .isEqualTo(refund.json().getString("id"));
    assertThat(post(refunds, newKey(), "{\"amount\":\"4.01\"}").status()).isEqualTo(422);
    assertThat(post(refunds, newKey(), "{\"amount\":\"4.00\"}").status()).isEqualTo(201);

    JsonObject state = get("/v1/authorizations/" + id).json();
    assertThat(state.getString("status")).isEqualTo("CAPTURED");
    assertThat(state.getString("capturedAmount")).isEqualTo("10.00");
    assertThat(state.getString("refundedAmount")).isEqualTo("10.00");
    assertThat(state.getJsonArray("refunds")).hasSize(2);
    assertThat(sandbox.authorization(id).orElseThrow().refundedAmount())
        .isEqualByComparingTo(new BigDecimal("10.00"));
  }

  @Test
  void showsTheCurrentStateAndListsByReference() throws Exception {
    String id = authorize("12.34");
    post("/v1/authorizations", newKey(), VISA_12_34.replace("BZ-ABC", "BZ-OTHER"));

    JsonObject state = get("/v1/authorizations/" + id).json();
    assertThat(state.getString("status")).isEqualTo("AUTHORIZED");
    assertThat(state.getString("capturedAmount")).isEqualTo("0.00");
    assertThat(state.getString("refundedAmount")).isEqualTo("0.00");

    JsonObject list = get("/v1/authorizations?reference=BZ-ABC").json();
    assertThat(list.getJsonArray("items")).hasSize(1);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(get("/v1/authorizations").json().getJsonArray("items")).hasSize(2);
    assertThat(sandbox.authorizations("BZ-OTHER")).hasSize(1);
  }

  @Test
  void keepsItsStateAndKeysAcrossARestart() throws Exception {
    String key = newKey();
    String id = post("/v1/authorizations", key, VISA_12_34).json().getString("id");
    post("/v1/authorizations/" + id + "/capture", null, "{\"amount\":\"12.34\"}");
    int port = sandbox.port();
    sandbox.close();

    sandbox = new PaymentSandbox(data.resolve("payment-sandbox.json"), port).start();

    assertThat(sandbox.authorization(id).orElseThrow().status())
        .isEqualTo(AuthorizationStatus.CAPTURED);
    Answer replay = post("/v1/authorizations", key, VISA_12_34);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json().getString("id")).isEqualTo(id);
  }

  @Test
  void resetForgetsEverything() throws Exception {
    String key = newKey();
    authorize("1.00");
    post("/v1/authorizations", key, VISA_12_34);

    sandbox.reset();

    assertThat(sandbox.authorizations()).isEmpty();
    assertThat(post("/v1/authorizations", key, VISA_12_34.replace("12.34", "2.00")).status())
        .isEqualTo(201);
  }

  private String authorize(String amount) throws Exception {
    Answer answer = post("/v1/authorizations", newKey(), VISA_12_34.replace("12.34", amount));
    assertThat(answer.status()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  private Answer post(String path, String idempotencyKey, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  private Answer get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private URI uri(String path) {
    return URI.create(sandbox.baseUri() + path);
  }

  private Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Idempotent-Replayed").isPresent(),
        response.body());
  }

  private record Answer(int status, String contentType, boolean replayed, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }
}
