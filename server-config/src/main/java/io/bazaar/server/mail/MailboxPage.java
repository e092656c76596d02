package io.bazaar.server.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The read-only mailbox a person reads the shop's mail in: {@code /} lists every message (newest
 * first) with from, to, subject, date and text; {@code /messages/<n>} is message n's MIME source;
 * {@code /messages} is the list as JSON, for scripts.
 */
final class MailboxPage {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final MailServer mailServer;
  private final HttpServer server;
  private final ExecutorService executor;

  private MailboxPage(MailServer mailServer, HttpServer server, ExecutorService executor) {
    this.mailServer = mailServer;
    this.server = server;
    this.executor = executor;
  }

  static MailboxPage start(MailServer mailServer, String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "mailbox-page");
              thread.setDaemon(true);
              return thread;
            });
    MailboxPage page = new MailboxPage(mailServer, server, executor);
    server.createContext("/", page::handle);
    server.setExecutor(executor);
    server.start();
    return page;
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "text/plain", "Read-only mailbox\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      List<MimeMessage> messages = mailServer.messages();
      if (path.equals("/")) {
        respond(exchange, 200, "text/html", page(messages));
      } else if (path.equals("/messages")) {
        respond(exchange, 200, "application/json", json(messages));
      } else if (path.matches("/messages/\\d{1,9}")) {
        int index = Integer.parseInt(path.substring("/messages/".length()));
        if (index < 1 || index > messages.size()) {
          respond(exchange, 404, "text/plain", "No message " + index + "\n");
        } else {
          respond(exchange, 200, "text/plain", source(messages.get(index - 1)));
        }
      } else {
        respond(exchange, 404, "text/plain", "Not found\n");
      }
    } catch (IOException | RuntimeException e) {
      if (exchange.getResponseCode() == -1) {
        respond(exchange, 500, "text/plain", "Could not read the mailbox: " + e + "\n");
      }
    } finally {
      exchange.close();
    }
  }

  private static String page(List<MimeMessage> messages) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Bazaar mailbox</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:60em}")
        .append("article{border-top:1px solid #ccc;padding:.5em 0}")
        .append("dl{display:grid;grid-template-columns:6em 1fr;margin:0}dt{color:#666}dd{margin:0}")
        .append("pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}")
        .append("</style></head><body><h1>Bazaar mailbox</h1><p>")
        .append(messages.size())
        .append(messages.size() == 1 ? " message" : " messages")
        .append(", newest first. <a href=\"/\">Refresh</a></p>");
    for (int index = messages.size(); index >= 1; index--) {
      ReceivedMail mail = ReceivedMail.of(messages.get(index - 1));
      html.append("<article id=\"message-")
          .append(index)
          .append("\"><dl><dt>From</dt><dd>")
          .append(escape(mail.from()))
          .append("</dd><dt>To</dt><dd>")
          .append(escape(String.join(", ", mail.to())))
          .append("</dd><dt>Subject</dt><dd><strong>")
          .append(escape(mail.subject()))
          .append("</strong></dd><dt>Date</dt><dd>")
          .append(mail.sentAt() == null ? "" : DATE.format(mail.sentAt()))
          .append("</dd></dl><pre>")
          .append(escape(mail.body()))
          .append("</pre><a href=\"/messages/")
          .append(index)
          .append("\">Source</a></article>");
    }
    return html.append("</body></html>").toString();
  }

  private static String json(List<MimeMessage> messages) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int index = 1; index <= messages.size(); index++) {
      ReceivedMail mail = ReceivedMail.of(messages.get(index - 1));
      array.add(
          Json.createObjectBuilder()
              .add("index", index)
              .add("from", mail.from())
              .add("to", Json.createArrayBuilder(mail.to()))
              .add("subject", mail.subject())
              .add("date", mail.sentAt() == null ? "" : mail.sentAt().toString())
              .add("body", mail.body()));
    }
    return array.build().toString();
  }

  private static String source(MimeMessage message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      message.writeTo(bytes);
    } catch (MessagingException e) {
      throw new IOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
