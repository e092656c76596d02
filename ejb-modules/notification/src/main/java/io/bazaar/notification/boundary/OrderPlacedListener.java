package io.bazaar.notification.boundary;

import io.bazaar.notification.control.Mailer;
import io.bazaar.notification.control.OrderConfirmation;
import io.bazaar.notification.entity.Notification;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.logging.Logger;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Sends the order confirmation for each OrderPlaced message and records it in the document store.
 *
 * <p>The message is acknowledged in this MDB's transaction, so a failure (SMTP down, document store
 * down) rolls back and the broker redelivers with back-off. SMTP and MongoDB cannot join the
 * transaction, so delivery is at least once: a redelivered message whose confirmation is already
 * recorded sends nothing; a crash between sending and recording sends again with the same
 * Message-ID.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = "bazaar.orders.placed"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      // No messages buffered ahead: the members that are up share the queue, and one that
      // dies holds back only the messages it was processing, not a window's worth.
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
public class OrderPlacedListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(OrderPlacedListener.class.getName());

  private static final Jsonb JSON =
      JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", false));

  @Inject DocumentTemplate documents;

  @Inject Mailer mailer;

  @Override
  public void onMessage(Message message) {
    OrderConfirmation confirmation = read(message);
    if (confirmation == null) {
      return;
    }
    String id = Notification.idOf(OrderConfirmation.KIND, confirmation.orderNumber());
    if (documents.find(Notification.class, id).isPresent()) {
      LOG.info(
          () ->
              "confirmation of "
                  + confirmation.orderNumber()
                  + " already sent; redelivery ignored");
      return;
    }
    mailer.send(
        new Mailer.Mail(
            confirmation.email(),
            confirmation.subject(),
            confirmation.text(),
            confirmation.html(),
            confirmation.messageId()));
    documents.insert(
        Notification.sent(
            OrderConfirmation.KIND,
            confirmation.orderNumber(),
            confirmation.email(),
            confirmation.subject(),
            confirmation.messageId()));
  }

  /**
   * A message that can never be processed is logged and consumed rather than redelivered for ever;
   * the broker's dead-letter queue is for messages that fail for a reason that may pass.
   */
  private static OrderConfirmation read(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        LOG.severe("ignoring non-text message " + message.getJMSMessageID());
        return null;
      }
      OrderConfirmation confirmation = JSON.fromJson(text.getText(), OrderConfirmation.class);
      if (confirmation == null
          || confirmation.orderNumber() == null
          || confirmation.email() == null) {
        LOG.severe(
            "ignoring OrderPlaced message without order number or e-mail: " + text.getText());
        return null;
      }
      return confirmation;
    } catch (JMSException | JsonbException unreadable) {
      LOG.severe("ignoring unreadable OrderPlaced message: " + unreadable);
      return null;
    }
  }
}
