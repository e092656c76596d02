package io.bazaar.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends mail over SMTP; where to is configured at run time (MicroProfile Config). */
@ApplicationScoped
public class Mailer {

  @Inject
  @ConfigProperty(name = "bazaar.mail.smtp.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "bazaar.mail.smtp.port", defaultValue = "3025")
  int port;

  @Inject
  @ConfigProperty(name = "bazaar.mail.from", defaultValue = "Bazaar <orders@bazaar.local>")
  String from;

  private Session session;

  /**
   * Times the socket writes out. Without one given, Angus Mail starts a thread (and a scheduler)
   * for every SMTP connection, that is for every e-mail; this one thread serves them all. It only
   * closes a stuck socket, so it needs no container context.
   */
  private ScheduledThreadPoolExecutor writeTimeouts;

  public record Mail(String to, String subject, String text, String html, String messageId) {}

  @PostConstruct
  void configure() {
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", host);
    smtp.put("mail.smtp.port", String.valueOf(port));
    smtp.put("mail.smtp.connectiontimeout", "5000");
    smtp.put("mail.smtp.timeout", "10000");
    smtp.put("mail.smtp.writetimeout", "10000");
    writeTimeouts =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "bazaar-mail-write-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    // Every write schedules a timeout and cancels it when the write returns.
    writeTimeouts.setRemoveOnCancelPolicy(true);
    smtp.put("mail.smtp.executor.writetimeout", writeTimeouts);
    session = Session.getInstance(smtp);
    nameStreamProvider();
  }

  @PreDestroy
  void stop() {
    writeTimeouts.shutdownNow();
  }

  /**
   * Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part it
   * builds: a class-path scan that took a tenth of the CPU of each confirmation. Naming the
   * implementation that the look-up finds here, once, lets every later look-up load it directly.
   */
  private static void nameStreamProvider() {
    String property = StreamProvider.class.getName();
    if (System.getProperty(property) == null) {
      System.setProperty(property, StreamProvider.provider().getClass().getName());
    }
  }

  /**
   * Sends one message. The Message-ID is the caller's, stable per event, so that if a crash makes
   * us send twice, mail systems recognise the second as the same message.
   */
  public void send(Mail mail) {
    try {
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", mail.messageId());
            }
          };
      message.setFrom(new InternetAddress(from));
      message.setRecipients(
          jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(mail.to()));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      var alternative = new jakarta.mail.internet.MimeMultipart("alternative");
      var plain = new jakarta.mail.internet.MimeBodyPart();
      plain.setText(mail.text(), StandardCharsets.UTF_8.name());
      var html = new jakarta.mail.internet.MimeBodyPart();
      html.setContent(mail.html(), "text/html; charset=UTF-8");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(html);
      message.setContent(alternative);
      Transport.send(message);
    } catch (MessagingException failed) {
      throw new MailNotSent(mail.to(), failed);
    }
  }

  /** SMTP refused or was unreachable; the message is redelivered later. */
  public static class MailNotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailNotSent(String to, Throwable cause) {
      super("mail to " + to + " was not sent: " + cause.getMessage(), cause);
    }
  }
}
