package io.bazaar.server.payment;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox provider's books: authorizations, refunds and the answers given to idempotent
 * requests, kept in memory and journaled to a file so they survive a restart.
 *
 * <p>The journal holds one JSON document per line, appended on every change: the new state of an
 * authorization, or a remembered answer. Opening replays it (the last state of an authorization
 * wins) and rewrites it compactly. A line cut short by a crash is dropped.
 */
final class PaymentLedger implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PaymentLedger.class.getName());
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** An answer given to an idempotent request, replayed when the same key comes again. */
  record RememberedAnswer(
      String key, String method, String path, JsonObject request, SandboxReply reply) {

    boolean answers(String otherMethod, String otherPath, JsonObject otherRequest) {
      return method.equals(otherMethod) && path.equals(otherPath) && request.equals(otherRequest);
    }
  }

  private final Path journal;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Authorization> authorizations = new LinkedHashMap<>();
  private final Map<String, RememberedAnswer> answers = new HashMap<>();
  private BufferedWriter journalWriter;

  private PaymentLedger(Path journal) {
    this.journal = journal;
  }

  static PaymentLedger open(Path journal) throws IOException {
    PaymentLedger ledger = new PaymentLedger(journal);
    Files.createDirectories(journal.toAbsolutePath().getParent());
    if (Files.exists(journal)) {
      ledger.replay();
    }
    ledger.rewriteJournal();
    return ledger;
  }

  synchronized Authorization authorize(
      BigDecimal amount, String currency, String token, String reference) {
    boolean declined = PaymentSandbox.DECLINED_TOKEN.equals(token);
    Authorization authorization =
        new Authorization(
            newId("auth_"),
            declined ? AuthorizationStatus.DECLINED : AuthorizationStatus.AUTHORIZED,
            amount,
            currency,
            reference,
            token,
            now(),
            BigDecimal.ZERO.setScale(amount.scale()),
            List.of(),
            declined ? "card_declined" : null);
    return save(authorization);
  }

  synchronized Authorization voidAuthorization(String id) {
    return save(existing(id).voided());
  }

  /** Captures the requested amount, or the whole authorized amount if none is given. */
  synchronized Authorization capture(String id, BigDecimal amount) {
    return save(existing(id).captured(amount));
  }

  synchronized Refund refund(String id, BigDecimal amount) {
    Refund refund = new Refund(newId("re_"), id, amount, now());
    save(existing(id).refunded(refund));
    return refund;
  }

  synchronized Optional<Authorization> find(String id) {
    return Optional.ofNullable(authorizations.get(id));
  }

  synchronized List<Authorization> all() {
    return List.copyOf(authorizations.values());
  }

  synchronized Optional<RememberedAnswer> answerFor(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  synchronized void remember(RememberedAnswer answer) {
    answers.put(answer.key(), answer);
    append(answerJson(answer));
  }

  /** Forgets everything, journal included. */
  synchronized void clear() {
    authorizations.clear();
    answers.clear();
    rewriteJournal();
  }

  @Override
  public synchronized void close() throws IOException {
    if (journalWriter != null) {
      journalWriter.close();
      journalWriter = null;
    }
  }

  private Authorization existing(String id) {
    Authorization authorization = authorizations.get(id);
    if (authorization == null) {
      throw PaymentProblem.notFound("No authorization " + id);
    }
    return authorization;
  }

  private Authorization save(Authorization authorization) {
    authorizations.put(authorization.id(), authorization);
    append(
        Json.createObjectBuilder()
            .add("authorization", SandboxJson.journalEntry(authorization))
            .build());
    return authorization;
  }

  private void append(JsonObject entry) {
    try {
      journalWriter.write(entry.toString());
      journalWriter.newLine();
      // Flushed to the operating system on every change: a killed JVM loses nothing written.
      journalWriter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the payment sandbox journal " + journal, e);
    }
  }

  private void replay() throws IOException {
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (line.isBlank()) {
        continue;
      }
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        JsonObject entry = reader.readObject();
        if (entry.containsKey("authorization")) {
          Authorization authorization =
              SandboxJson.fromJournal(entry.getJsonObject("authorization"));
          authorizations.put(authorization.id(), authorization);
        } else if (entry.containsKey("answer")) {
          RememberedAnswer answer = answerFromJson(entry.getJsonObject("answer"));
          answers.put(answer.key(), answer);
        }
      } catch (RuntimeException e) {
        // A line cut short by a crash, or missing a field: the rest of the journal still counts.
        LOG.log(
            Level.WARNING,
            "Ignoring unreadable line {0} of {1}: {2}",
            number,
            journal,
            e.getMessage());
      }
    }
  }

  private void rewriteJournal() {
    try {
      close();
      Path compacted = journal.resolveSibling(journal.getFileName() + ".tmp");
      List<String> lines = new ArrayList<>();
      authorizations
          .values()
          .forEach(
              authorization ->
                  lines.add(
                      Json.createObjectBuilder()
                          .add("authorization", SandboxJson.journalEntry(authorization))
                          .build()
                          .toString()));
      answers.values().forEach(answer -> lines.add(answerJson(answer).toString()));
      Files.write(compacted, lines, StandardCharsets.UTF_8);
      Files.move(
          compacted, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      journalWriter =
          Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the payment sandbox journal " + journal, e);
    }
  }

  private static JsonObject answerJson(RememberedAnswer answer) {
    return Json.createObjectBuilder()
        .add(
            "answer",
            Json.createObjectBuilder()
                .add("key", answer.key())
                .add("method", answer.method())
                .add("path", answer.path())
                .add("request", answer.request())
                .add("status", answer.reply().status())
                .add("contentType", answer.reply().contentType())
                .add("body", answer.reply().body()))
        .build();
  }

  private static RememberedAnswer answerFromJson(JsonObject json) {
    return new RememberedAnswer(
        json.getString("key"),
        json.getString("method"),
        json.getString("path"),
        json.getJsonObject("request"),
        new SandboxReply(
            json.getInt("status"), json.getString("contentType"), json.getJsonObject("body")));
  }

  private String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < 24; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
