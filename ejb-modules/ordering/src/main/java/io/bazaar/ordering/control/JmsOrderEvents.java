package io.bazaar.ordering.control;

import io.bazaar.ordering.boundary.OrderPlaced;
import io.bazaar.persistence.TransactionCompletions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Sends order events to Artemis through the resource adapter's XA connection factory: inside a JTA
 * transaction the send is one more branch of it, so a rolled-back checkout sends nothing.
 */
@ApplicationScoped
public class JmsOrderEvents implements OrderEvents {

  public static final String ORDER_PLACED_TYPE = "OrderPlaced";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = "jms/bazaar/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/bazaar/OrderPlaced")
  Queue orderPlacedQueue;

  @Inject TransactionCompletions completions;

  @Override
  public void orderPlaced(OrderPlaced event) {
    // A broker branch that cannot be committed must not go unnoticed: see TransactionCompletions.
    completions.watchCurrent();
    // A JMSRuntimeException propagates: the checkout must fail rather than place a silent order.
    try (JMSContext jms = connectionFactory.createContext()) {
      TextMessage message = jms.createTextMessage(JSON.toJson(event));
      message.setJMSType(ORDER_PLACED_TYPE);
      message.setStringProperty("orderNumber", event.orderNumber());
      jms.createProducer().send(orderPlacedQueue, message);
    } catch (jakarta.jms.JMSException malformed) {
      throw new JMSRuntimeException(malformed.getMessage(), malformed.getErrorCode(), malformed);
    }
  }
}
