package io.bazaar.server.payment;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The sandbox's JSON documents. Amounts are decimal strings, never JSON numbers. */
final class SandboxJson {

  private SandboxJson() {}

  /** The answer to a new authorization: exactly the fields of the provider's contract. */
  static JsonObject created(Authorization authorization) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", authorization.id())
            .add("status", authorization.status().name())
            .add("amount", money(authorization.amount()))
            .add("currency", authorization.currency())
            .add("reference", authorization.reference())
            .add("createdAt", timestamp(authorization.createdAt()));
    if (authorization.declineReason() != null) {
      json.add("reason", authorization.declineReason());
    }
    return json.build();
  }

  /** The current state, as {@code GET /v1/authorizations/{id}} shows it. */
  static JsonObject state(Authorization authorization) {
    JsonArrayBuilder refunds = Json.createArrayBuilder();
    authorization.refunds().forEach(refund -> refunds.add(refund(refund)));
    return Json.createObjectBuilder(created(authorization))
        .add("capturedAmount", money(authorization.capturedAmount()))
        .add("refundedAmount", money(authorization.refundedAmount()))
        .add("refunds", refunds)
        .build();
  }

  static JsonObject refund(Refund refund) {
    return Json.createObjectBuilder()
        .add("id", refund.id())
        .add("authorizationId", refund.authorizationId())
        .add("amount", money(refund.amount()))
        .add("status", Refund.STATUS)
        .add("createdAt", timestamp(refund.createdAt()))
        .build();
  }

  static JsonObject items(List<Authorization> authorizations) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    authorizations.forEach(authorization -> items.add(state(authorization)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  /** An RFC 9457 problem document. */
  static JsonObject problem(int status, String title, String detail) {
    return Json.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .build();
  }

  /** The journal keeps the full state, including the token the API never shows again. */
  static JsonObject journalEntry(Authorization authorization) {
    return Json.createObjectBuilder(state(authorization))
        .add("token", authorization.token())
        .build();
  }

  static Authorization fromJournal(JsonObject json) {
    BigDecimal amount = new BigDecimal(json.getString("amount"));
    List<Refund> refunds =
        json.getJsonArray("refunds").getValuesAs(JsonObject.class).stream()
            .map(
                refund ->
                    new Refund(
                        refund.getString("id"),
                        refund.getString("authorizationId"),
                        new BigDecimal(refund.getString("amount")),
                        Instant.parse(refund.getString("createdAt"))))
            .toList();
    return new Authorization(
        json.getString("id"),
        AuthorizationStatus.valueOf(json.getString("status")),
        amount,
        json.getString("currency"),
        json.getString("reference"),
        json.getString("token"),
        Instant.parse(json.getString("createdAt")),
        new BigDecimal(json.getString("capturedAmount")),
        refunds,
        json.getString("reason", null));
  }

  static String money(BigDecimal amount) {
    return amount.toPlainString();
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
