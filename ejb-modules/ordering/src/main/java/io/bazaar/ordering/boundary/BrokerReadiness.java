package io.bazaar.ordering.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the broker answers: browsing the order queue is a round trip to it. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/bazaar/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/bazaar/OrderPlaced")
  Queue orderPlacedQueue;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext jms = connectionFactory.createContext();
        QueueBrowser browser = jms.createBrowser(orderPlacedQueue)) {
      browser.getEnumeration().hasMoreElements();
      return HealthCheckResponse.up("broker");
    } catch (Exception unreachable) {
      return HealthCheckResponse.named("broker")
          .down()
          .withData("error", String.valueOf(unreachable.getMessage()))
          .build();
    }
  }
}
