package io.bazaar.recommendation.boundary;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.ordering.boundary.OrderPlaced;
import io.bazaar.recommendation.control.BoughtTogetherCounts;
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
import java.util.Map;
import java.util.logging.Logger;

/**
 * Refreshes "frequently bought together" as orders commit. The broker copies every OrderPlaced
 * message onto this context's own queue (a divert in broker.xml), so the confirmation e-mail and
 * the recommendations each get every event without the checkout sending twice.
 *
 * <p>The counting and the message's acknowledgement are one XA transaction (orders database and
 * broker): a failure rolls both back and the broker redelivers with back-off; an order is counted
 * once even if its event arrives again.
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
          propertyValue = "bazaar.recommendations.orders-placed"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
      // No messages buffered ahead: the members that are up share the queue, and one that
      // dies holds back only the messages it was processing, not a window's worth.
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
public class OrderPlacedRecommendations implements MessageListener {

  private static final Logger LOG = Logger.getLogger(OrderPlacedRecommendations.class.getName());

  private static final Jsonb JSON =
      JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", false));

  @Inject Catalog catalog;

  @Inject BoughtTogetherCounts counts;

  @Override
  public void onMessage(Message message) {
    OrderPlaced order = read(message);
    if (order == null) {
      return;
    }
    Map<String, String> productOfSku =
        catalog.productSlugsOf(order.lines().stream().map(OrderPlaced.Line::sku).toList());
    boolean counted = counts.count(order.orderNumber(), productOfSku.values(), order.placedAt());
    if (!counted) {
      LOG.info(() -> "order " + order.orderNumber() + " was counted before; redelivery ignored");
    }
  }

  /**
   * A message that can never be processed is logged and consumed rather than redelivered for ever;
   * the broker's dead-letter queue is for failures that may pass.
   */
  private static OrderPlaced read(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        LOG.severe("ignoring non-text message " + message.getJMSMessageID());
        return null;
      }
      OrderPlaced order = JSON.fromJson(text.getText(), OrderPlaced.class);
      if (order == null
          || order.orderNumber() == null
          || order.lines() == null
          || order.placedAt() == null) {
        LOG.severe("ignoring OrderPlaced message without number, lines or time: " + text.getText());
        return null;
      }
      return order;
    } catch (JMSException | JsonbException unreadable) {
      LOG.severe("ignoring unreadable OrderPlaced message: " + unreadable);
      return null;
    }
  }
}
