package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtemisBrokerTest {

  @TempDir Path data;

  @Test
  void runsJmsConfigsBrokerWithLoginAndSurvivesAKill() throws Exception {
    ShopLayout layout = ShopLayout.locate();
    BrokerSettings settings =
        BrokerSettings.of(
            layout.artemisDistribution(),
            data.resolve("artemis"),
            Path.of(System.getProperty("bazaar.test.broker.xml")),
            data.resolve("artemis.log"),
            TcpPorts.freePort(),
            "shop",
            "shop-secret");
    ArtemisBroker broker = new ArtemisBroker(settings);
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url())) {
      factory.setReconnectAttempts(0);
      broker.start();
      assertThat(ProcessHandle.of(broker.pid()).flatMap(p -> p.info().command()))
          .as("the process the broker object controls is the broker JVM itself")
          .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));

      try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url());
          ClientSessionFactory sessionFactory = locator.createSessionFactory();
          ClientSession session =
              sessionFactory.createSession("shop", "shop-secret", false, true, true, false, 1)) {
        assertThat(session.queueQuery(SimpleString.of("bazaar.orders.placed")).isExists())
            .as("declared by jms-config's broker.xml, not auto-created")
            .isTrue();
        assertThat(session.queueQuery(SimpleString.of("bazaar.dead-letter")).isExists()).isTrue();
        assertThat(session.addressQuery(SimpleString.of("bazaar.anything")).isAutoCreateAddresses())
            .isFalse();
      }
      sendOrderPlaced(factory, "BZ-1");
      assertThatThrownBy(() -> factory.createConnection("shop", "wrong").close())
          .isInstanceOf(JMSSecurityException.class);

      broker.kill();
      assertThat(broker.isRunning()).isFalse();
      broker.start();

      assertThat(receiveOrderPlaced(factory))
          .as("a persistent message survives kill -9")
          .isEqualTo("BZ-1");
    } finally {
      broker.stop();
    }
    assertThat(broker.isRunning()).isFalse();
    assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, settings.port())).isFalse();
  }

  private static void sendOrderPlaced(ActiveMQConnectionFactory factory, String text)
      throws Exception {
    try (Connection connection = factory.createConnection("shop", "shop-secret")) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Queue ordersPlaced = session.createQueue("bazaar.orders.placed");
      MessageProducer producer = session.createProducer(ordersPlaced);
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      producer.send(session.createTextMessage(text));
    }
  }

  /** The text of the next message on the queue, or null when none comes within 10 s. */
  private static String receiveOrderPlaced(ActiveMQConnectionFactory factory) throws Exception {
    try (Connection connection = factory.createConnection("shop", "shop-secret")) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(session.createQueue("bazaar.orders.placed"));
      TextMessage message = (TextMessage) consumer.receive(10_000);
      return message == null ? null : message.getText();
    }
  }

  private BrokerSettings settingsAt(Path instance) {
    return BrokerSettings.of(
        ShopLayout.locate().artemisDistribution(),
        instance,
        Path.of(System.getProperty("bazaar.test.broker.xml")),
        data.resolve("artemis.log"),
        TcpPorts.freePort(),
        "shop",
        "shop-secret");
  }

  @Test
  void aDataDirectoryRestoredElsewhereRunsOnItsOwnJournal() throws Exception {
    Path created = data.resolve("created/artemis");
    ArtemisBroker first = new ArtemisBroker(settingsAt(created));
    try {
      first.start();
      try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(first.url())) {
        sendOrderPlaced(factory, "BZ-7");
      }
    } finally {
      first.stop();
    }
    // A backup of the data directory restored at another path; the original is gone.
    Path restored = data.resolve("restored/artemis");
    Files.move(created.getParent(), restored.getParent());

    ArtemisBroker moved = new ArtemisBroker(settingsAt(restored));
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(moved.url())) {
      moved.start();
      assertThat(receiveOrderPlaced(factory))
          .as("the restored journal's message")
          .isEqualTo("BZ-7");
    } finally {
      moved.stop();
    }
    assertThat(created.getParent()).as("nothing made at the old place").doesNotExist();
    assertThat(Files.readString(restored.resolve("etc/bootstrap.xml")))
        .doesNotContain(created.toString());
  }
}
