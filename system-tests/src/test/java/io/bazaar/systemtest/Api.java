package io.bazaar.systemtest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The shop's JSON API as a client app sees it: status, headers and body. */
public final class Api {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        JsonStructure structure = reader.read();
        return structure.asJsonObject();
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  /** A bearer token of the given account, from the token endpoint as any client gets one. */
  public String bearerToken(String email, String password) {
    Reply token =
        post(
            "api/v1/auth/token",
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString());
    if (token.status() != 200) {
      throw new IllegalStateException("no token for " + email + ": " + token.body());
    }
    return "Bearer " + token.json().getString("access_token");
  }

  public Reply post(String path, String json) {
    return post(path, json, Map.of());
  }

  public Reply post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    headers.forEach(request::header);
    return send(request);
  }

  public Reply put(String path, String json) {
    return put(path, json, Map.of());
  }

  public Reply put(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request);
  }

  public Reply delete(String path) {
    return delete(path, Map.of());
  }

  public Reply delete(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
    headers.forEach(request::header);
    return send(request);
  }

  /**
   * A new customer account, signed in: the Authorization header value of its token. The e-mail
   * address is unique to the call.
   */
  public Customer newCustomer(String displayName) {
    String email =
        displayName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.org";
    String password = "correct horse " + UUID.randomUUID();
    Reply registered =
        post(
            "api/v1/customers",
            Json.createObjectBuilder()
                .add("email", email)
                .add("displayName", displayName)
                .add("password", password)
                .build()
                .toString());
    if (registered.status() != 201) {
      throw new AssertionError("customer not registered: " + registered);
    }
    return new Customer(
        email, displayName, password, Map.of("Authorization", bearerToken(email, password)));
  }

  /**
   * A signed-in customer: their address, their password (for the sign-in page) and the headers that
   * authenticate them to the API.
   */
  public record Customer(
      String email, String displayName, String password, Map<String, String> auth) {}

  private URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private Reply send(HttpRequest.Builder request) {
    return exchange(http, request);
  }

  /** Sends a request through the given client; the reply as it came, whatever the status. */
  static Reply exchange(HttpClient http, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- the shopper's steps -----------------------------------------------------------------------

  public String newCart() {
    Reply created = post("api/v1/carts", "");
    if (created.status() != 201) {
      throw new AssertionError("cart not created: " + created);
    }
    return created.json().getString("id");
  }

  public Reply addToCart(String cartId, String sku, int quantity) {
    return post(
        "api/v1/carts/" + cartId + "/lines",
        Json.createObjectBuilder().add("sku", sku).add("quantity", quantity).build().toString());
  }

  /** A cart holding the given SKU and quantity. */
  public String cartWith(String sku, int quantity) {
    String cart = newCart();
    Reply added = addToCart(cart, sku, quantity);
    if (added.status() != 200) {
      throw new AssertionError("line not added: " + added);
    }
    return cart;
  }

  /** The body of a review a customer writes. */
  public static String reviewBody(int rating, String title, String text) {
    return Json.createObjectBuilder()
        .add("rating", rating)
        .add("title", title)
        .add("text", text)
        .build()
        .toString();
  }

  /** The customer writes (or rewrites) their review of the product. */
  public Reply writeReview(String product, Customer author, String body) {
    return put("api/v1/products/" + product + "/reviews/mine", body, author.auth());
  }

  public static String orderBody(String cartId, String email, String paymentToken) {
    return Json.createObjectBuilder()
        .add("cartId", cartId)
        .add("email", email)
        .add(
            "shippingAddress",
            Json.createObjectBuilder()
                .add("name", "Ada Lovelace")
                .add("line1", "12 Analytical Row")
                .add("city", "London")
                .add("postalCode", "N1 9GU")
                .add("country", "GB"))
        .add("paymentToken", paymentToken)
        .build()
        .toString();
  }

  public Reply placeOrder(String idempotencyKey, String body) {
    return post("api/v1/orders", body, Map.of("Idempotency-Key", idempotencyKey));
  }

  public Reply checkout(String cartId, String email) {
    return placeOrder(UUID.randomUUID().toString(), orderBody(cartId, email, "tok_visa"));
  }

  static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
