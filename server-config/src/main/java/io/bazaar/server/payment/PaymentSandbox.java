package io.bazaar.server.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bazaar.server.TcpPorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A card payment provider in test mode, for the shop's payment context: authorize, void, capture
 * and refund over HTTP and JSON, with idempotency keys as real providers have them. State is kept
 * in memory and journaled to a file, so it survives restarts.
 *
 * <p>The contract, under {@code /v1/authorizations}:
 *
 * <ul>
 *   <li>{@code POST /v1/authorizations} with header {@code Idempotency-Key} and {@code
 *       {"amount":"12.34","currency":"EUR","token":"tok_visa","reference":"BZ-ABC"}}: 201 and the
 *       authorization; token {@value #DECLINED_TOKEN} gives 402 with status DECLINED, token {@value
 *       #UNAVAILABLE_TOKEN} a 503 outage that stores nothing, any other {@code tok_} token is
 *       approved.
 *   <li>{@code POST /v1/authorizations/{id}/void}: 200, VOIDED; again: 200; after capture: 409.
 *   <li>{@code POST /v1/authorizations/{id}/capture} with {@code {"amount":"12.34"}} (or no body:
 *       the whole amount): 200, CAPTURED; more than authorized: 422.
 *   <li>{@code POST /v1/authorizations/{id}/refunds} with {@code Idempotency-Key} and {@code
 *       {"amount":"1.00"}}: 201 and the refund; before capture: 409; beyond the captured amount:
 *       422.
 *   <li>{@code GET /v1/authorizations/{id}}: the current state with {@code capturedAmount}, {@code
 *       refundedAmount} and {@code refunds}; {@code GET /v1/authorizations?reference=BZ-ABC}:
 *       {@code {"items":[...]}}.
 * </ul>
 *
 * <p>The same {@code Idempotency-Key} with the same request replays the first answer (status and
 * body, with header {@code Idempotent-Replayed: true}); with a different request it is a 409.
 * Errors are RFC 9457 problem documents. Unknown ids are 404.
 */
public final class PaymentSandbox implements AutoCloseable {

  /** Approved, like any {@code tok_} token without a special meaning. */
  public static final String APPROVED_TOKEN = "tok_visa";

  /** Declined with reason {@code card_declined}. */
  public static final String DECLINED_TOKEN = "tok_declined";

  /** Simulates a provider outage: 503, nothing stored. */
  public static final String UNAVAILABLE_TOKEN = "tok_unavailable";

  private static final System.Logger LOG = System.getLogger(PaymentSandbox.class.getName());
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,3})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final Path journal;
  private final int port;
  private PaymentLedger ledger;
  private HttpServer server;
  private ExecutorService executor;

  /**
   * @param journal the journal file, e.g. {@code <data>/payment-sandbox.json}
   * @param port the port on 127.0.0.1
   */
  public PaymentSandbox(Path journal, int port) {
    this.journal = journal;
    this.port = port;
  }

  public synchronized PaymentSandbox start() throws IOException {
    if (server != null) {
      return this;
    }
    ledger = PaymentLedger.open(journal);
    try {
      server = HttpServer.create(new InetSocketAddress(TcpPorts.LOOPBACK, port), 0);
    } catch (IOException e) {
      ledger.close();
      throw new IOException("The payment sandbox cannot listen on port " + port, e);
    }
    executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "payment-sandbox");
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    LOG.log(Level.INFO, "Payment sandbox listens on {0}", baseUri());
    return this;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        ledger.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not close the payment sandbox journal", e);
      }
      server = null;
      executor = null;
      ledger = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** {@code http://127.0.0.1:<port>}, the shop's {@code BAZAAR_PAYMENT_PROVIDER_URL}. */
  public URI baseUri() {
    return URI.create("http://" + TcpPorts.LOOPBACK + ":" + port);
  }

  public int port() {
    return port;
  }

  /** Every authorization, oldest first. */
  public List<Authorization> authorizations() {
    return runningLedger().all();
  }

  public Optional<Authorization> authorization(String id) {
    return runningLedger().find(id);
  }

  /** The authorizations for one shop reference (order number), oldest first. */
  public List<Authorization> authorizations(String reference) {
    return runningLedger().all().stream().filter(a -> a.reference().equals(reference)).toList();
  }

  /** Forgets every authorization, refund and idempotency key, journal included. */
  public void reset() {
    runningLedger().clear();
  }

  private synchronized PaymentLedger runningLedger() {
    if (ledger == null) {
      throw new IllegalStateException("The payment sandbox is not running");
    }
    return ledger;
  }

  private void handle(HttpExchange exchange) {
    try {
      SandboxReply reply;
      try {
        reply = route(exchange);
      } catch (PaymentProblem problem) {
        reply = SandboxReply.of(problem);
      }
      send(exchange, reply);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Payment sandbox request failed", e);
      if (exchange.getResponseCode() == -1) {
        trySend(
            exchange,
            SandboxReply.of(new PaymentProblem(500, "Internal Server Error", e.toString())));
      }
    } finally {
      exchange.close();
    }
  }

  private SandboxReply route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    if (segments.size() < 2
        || !segments.get(0).equals("v1")
        || !segments.get(1).equals("authorizations")) {
      throw PaymentProblem.notFound("No resource " + path);
    }
    PaymentLedger books = runningLedger();
    JsonObject body = method.equals("POST") ? readBody(exchange) : JsonValue.EMPTY_JSON_OBJECT;
    if (segments.size() == 2) {
      return switch (method) {
        case "POST" -> idempotent(exchange, body, true, () -> authorize(books, required(body)));
        case "GET" ->
            SandboxReply.json(200, SandboxJson.items(filtered(books, exchange.getRequestURI())));
        default -> throw methodNotAllowed(method, path);
      };
    }
    String id = segments.get(2);
    if (segments.size() == 3) {
      if (!method.equals("GET")) {
        throw methodNotAllowed(method, path);
      }
      return books
          .find(id)
          .map(authorization -> SandboxReply.json(200, SandboxJson.state(authorization)))
          .orElseThrow(() -> PaymentProblem.notFound("No authorization " + id));
    }
    if (segments.size() == 4 && List.of("void", "capture", "refunds").contains(segments.get(3))) {
      if (!method.equals("POST")) {
        throw methodNotAllowed(method, path);
      }
      return switch (segments.get(3)) {
        case "void" ->
            idempotent(
                exchange,
                body,
                false,
                () -> SandboxReply.json(200, SandboxJson.state(books.voidAuthorization(id))));
        case "capture" -> idempotent(exchange, body, false, () -> capture(books, id, body));
        default -> idempotent(exchange, body, true, () -> refund(books, id, required(body)));
      };
    }
    throw PaymentProblem.notFound("No resource " + path);
  }

  private SandboxReply authorize(PaymentLedger books, JsonObject request) {
    BigDecimal amount = amount(request);
    String currency = requiredString(request, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw PaymentProblem.badRequest("currency must be an ISO 4217 code such as \"EUR\"");
    }
    String token = requiredString(request, "token");
    if (!token.startsWith("tok_")) {
      throw PaymentProblem.badRequest("token must be a card token starting with tok_");
    }
    String reference = requiredString(request, "reference");
    if (token.equals(UNAVAILABLE_TOKEN)) {
      throw new PaymentProblem(
          503, "Service Unavailable", "The card network is unavailable (simulated outage)");
    }
    Authorization authorization = books.authorize(amount, currency, token, reference);
    int status = authorization.status() == AuthorizationStatus.DECLINED ? 402 : 201;
    return SandboxReply.json(status, SandboxJson.created(authorization));
  }

  private SandboxReply capture(PaymentLedger books, String id, JsonObject request) {
    BigDecimal amount = request.containsKey("amount") ? amount(request) : null;
    return SandboxReply.json(200, SandboxJson.state(books.capture(id, amount)));
  }

  private SandboxReply refund(PaymentLedger books, String id, JsonObject request) {
    return SandboxReply.json(201, SandboxJson.refund(books.refund(id, amount(request))));
  }

  /**
   * Runs the operation once per idempotency key. Holding the ledger's lock across the lookup and
   * the operation makes two concurrent requests with one key behave as one request and its replay.
   */
  private SandboxReply idempotent(
      HttpExchange exchange,
      JsonObject request,
      boolean keyRequired,
      Supplier<SandboxReply> operation) {
    String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
    if (key == null || key.isBlank()) {
      if (keyRequired) {
        throw PaymentProblem.badRequest("The " + IDEMPOTENCY_KEY + " header is required");
      }
      return operation.get();
    }
    if (key.length() > 255) {
      throw PaymentProblem.badRequest(IDEMPOTENCY_KEY + " must be at most 255 characters");
    }
    PaymentLedger books = runningLedger();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    synchronized (books) {
      Optional<PaymentLedger.RememberedAnswer> remembered = books.answerFor(key);
      if (remembered.isPresent()) {
        if (!remembered.get().answers(method, path, request)) {
          throw PaymentProblem.conflict(
              "The " + IDEMPOTENCY_KEY + " " + key + " was already used for a different request");
        }
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        return remembered.get().reply();
      }
      SandboxReply reply;
      try {
        reply = operation.get();
      } catch (PaymentProblem problem) {
        if (!problem.isFinalOutcome()) {
          throw problem;
        }
        reply = SandboxReply.of(problem);
      }
      books.remember(new PaymentLedger.RememberedAnswer(key, method, path, request, reply));
      return reply;
    }
  }

  private static List<Authorization> filtered(PaymentLedger books, URI uri) {
    Optional<String> reference = queryParameter(uri, "reference");
    return books.all().stream()
        .filter(authorization -> reference.map(authorization.reference()::equals).orElse(true))
        .toList();
  }

  private static Optional<String> queryParameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    return Arrays.stream(query.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals(name))
        .map(pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "")
        .findFirst();
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  private static JsonObject readBody(HttpExchange exchange) {
    JsonObject body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw PaymentProblem.badRequest(
            "The request body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        body = JsonValue.EMPTY_JSON_OBJECT;
      } else {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
          JsonValue value = reader.readValue();
          if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw PaymentProblem.badRequest("The request body must be a JSON object");
          }
          body = value.asJsonObject();
        } catch (jakarta.json.JsonException e) {
          throw PaymentProblem.badRequest("The request body is not valid JSON: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw PaymentProblem.badRequest("The request body could not be read: " + e.getMessage());
    }
    return body;
  }

  private static JsonObject required(JsonObject body) {
    if (body.isEmpty()) {
      throw PaymentProblem.badRequest("A JSON request body is required");
    }
    return body;
  }

  private static BigDecimal amount(JsonObject request) {
    JsonValue value = request.get("amount");
    if (!(value instanceof JsonString text) || !AMOUNT.matcher(text.getString()).matches()) {
      throw PaymentProblem.badRequest(
          "amount must be a decimal string such as \"12.34\" (a string, not a JSON number)");
    }
    BigDecimal amount = new BigDecimal(text.getString());
    if (amount.signum() <= 0) {
      throw PaymentProblem.badRequest("amount must be greater than zero");
    }
    return amount;
  }

  private static String requiredString(JsonObject request, String name) {
    JsonValue value = request.get(name);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      throw PaymentProblem.badRequest(name + " is required and must be a string");
    }
    return text.getString();
  }

  private static PaymentProblem methodNotAllowed(String method, String path) {
    return new PaymentProblem(405, "Method Not Allowed", method + " is not supported on " + path);
  }

  private static void trySend(HttpExchange exchange, SandboxReply reply) {
    try {
      send(exchange, reply);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Could not answer", e);
    }
  }

  private static void send(HttpExchange exchange, SandboxReply reply) throws IOException {
    byte[] bytes = reply.body().toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
