package io.bazaar.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.server.TcpPorts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private MailServer mailServer;

  @BeforeEach
  void start() throws Exception {
    mailServer =
        new MailServer(TcpPorts.freePort(), TcpPorts.freePort(), TcpPorts.freePort()).start();
  }

  @AfterEach
  void stop() {
    mailServer.close();
  }

  @Test
  void keepsMailSentOverSmtpForTestsAndForAPerson() throws Exception {
    send("customer@example.org", "Your order BZ-1 <confirmed>", "Thank you & see you soon.");

    assertThat(mailServer.awaitMessages(1, Duration.ofSeconds(10))).isTrue();
    assertThat(mailServer.messages()).hasSize(1);
    ReceivedMail mail = mailServer.mails().get(0);
    assertThat(mail.from()).isEqualTo("Bazaar <orders@bazaar.local>");
    assertThat(mail.to()).containsExactly("customer@example.org");
    assertThat(mail.subject()).isEqualTo("Your order BZ-1 <confirmed>");
    assertThat(mail.body()).isEqualTo("Thank you & see you soon.");
    assertThat(mail.sentAt()).isNotNull();

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("customer@example.org")
        .contains("Your order BZ-1 &lt;confirmed&gt;")
        .contains("Thank you &amp; see you soon.");

    JsonArray json = Json.createReader(new StringReader(get("/messages").body())).readArray();
    assertThat(json.getJsonObject(0).getString("subject")).isEqualTo("Your order BZ-1 <confirmed>");
    assertThat(get("/messages/1").body()).contains("Subject: Your order BZ-1");
    assertThat(get("/messages/2").statusCode()).isEqualTo(404);
  }

  @Test
  void acceptsAnyRecipientAndShowsHtmlMailAsText() throws Exception {
    Session session = session();
    MimeMessage message = new MimeMessage(session);
    message.setFrom("shop@bazaar.local");
    message.setRecipients(Message.RecipientType.TO, "a@one.example, b@two.example");
    message.setSubject("Shipped");
    message.setContent("<p>Your parcel<br>is on its way.</p>", "text/html; charset=utf-8");
    Transport.send(message);

    assertThat(mailServer.awaitMessages(2, Duration.ofSeconds(10)))
        .as("one copy per recipient")
        .isTrue();
    assertThat(mailServer.mails().get(0).body()).isEqualTo("Your parcel\nis on its way.");

    mailServer.clear();
    assertThat(mailServer.messages()).isEmpty();
  }

  private void send(String to, String subject, String text) throws Exception {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress("orders@bazaar.local", "Bazaar"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject);
    message.setSentDate(new Date());
    message.setText(text, "utf-8");
    Transport.send(message);
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", mailServer.smtpHost());
    properties.put("mail.smtp.port", Integer.toString(mailServer.smtpPort()));
    return Session.getInstance(properties);
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = mailServer.mailboxUri().resolve(path);
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
