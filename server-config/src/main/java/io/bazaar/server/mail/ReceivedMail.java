package io.bazaar.server.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A message the mail server received, reduced to what a person or a test reads.
 *
 * @param from the From header
 * @param to the To recipients
 * @param subject the subject, empty if none
 * @param sentAt the Date header, null if the message had none
 * @param body the text/plain part, else the text/html part without its tags
 * @param messageId the Message-ID header, empty if none: the same for a message sent twice
 */
public record ReceivedMail(
    String from, List<String> to, String subject, Instant sentAt, String body, String messageId) {

  public static ReceivedMail of(MimeMessage message) {
    try {
      return new ReceivedMail(
          addresses(message.getFrom()).stream().findFirst().orElse(""),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          Optional.ofNullable(message.getSubject()).orElse(""),
          Optional.ofNullable(message.getSentDate()).map(date -> date.toInstant()).orElse(null),
          text(message).orElse(""),
          Optional.ofNullable(message.getMessageID()).orElse(""));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable message", e);
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static Optional<String> text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return Optional.of(part.getContent().toString());
    }
    if (part.isMimeType("text/html")) {
      return Optional.of(withoutTags(part.getContent().toString()));
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      Optional<String> html = Optional.empty();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/html") && html.isEmpty()) {
          html = text(child);
        } else {
          Optional<String> text = text(child);
          if (text.isPresent()) {
            return text;
          }
        }
      }
      return html;
    }
    return Optional.empty();
  }

  private static String withoutTags(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
        .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h[1-6]>", "\n")
        .replaceAll("<[^>]+>", "")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("[ \\t]+\\n", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }
}
