package io.bazaar.storefront.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem documents: every API error is one of these, never a stack trace. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  private static final String TYPE_BASE = "https://bazaar.example/problems/";

  private Problems() {}

  public static JsonObjectBuilder problem(int status, String type, String title, String detail) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    return body;
  }

  public static Response response(int status, JsonObjectBuilder problem) {
    return Response.status(status, reasonPhrase(status))
        .type(PROBLEM_JSON)
        .entity(problem.build().toString())
        .build();
  }

  /** Reason phrases JAX-RS does not know (it would answer "CUSTOM"). */
  private static String reasonPhrase(int status) {
    return switch (status) {
      case 402 -> "Payment Required";
      case 422 -> "Unprocessable Content";
      default -> {
        Response.Status known = Response.Status.fromStatusCode(status);
        yield known == null ? "Error" : known.getReasonPhrase();
      }
    };
  }

  public static Response response(int status, String type, String title, String detail) {
    return response(status, problem(status, type, title, detail));
  }
}
