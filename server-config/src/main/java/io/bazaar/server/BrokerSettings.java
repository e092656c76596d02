package io.bazaar.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the ActiveMQ Artemis broker.
 *
 * @param distribution the unpacked Artemis distribution (target/shop/artemis)
 * @param instanceDirectory the broker instance: configuration, journal, paging; kept across
 *     restarts
 * @param brokerXmlTemplate jms-config's broker.xml with {@code @BROKER_HOST@} and
 *     {@code @BROKER_PORT@}
 * @param logFile where the broker's console output goes
 * @param host the address the core acceptor listens on
 * @param port the core acceptor's port
 * @param user the one broker user; fixed when the instance is created
 * @param password that user's password; fixed when the instance is created
 * @param startTimeout how long to wait for the acceptor
 */
public record BrokerSettings(
    Path distribution,
    Path instanceDirectory,
    Path brokerXmlTemplate,
    Path logFile,
    String host,
    int port,
    String user,
    String password,
    Duration startTimeout) {

  /** Defaults: 127.0.0.1 and a 120 s start timeout. */
  public static BrokerSettings of(
      Path distribution,
      Path instanceDirectory,
      Path brokerXmlTemplate,
      Path logFile,
      int port,
      String user,
      String password) {
    return new BrokerSettings(
        distribution,
        instanceDirectory,
        brokerXmlTemplate,
        logFile,
        TcpPorts.LOOPBACK,
        port,
        user,
        password,
        Duration.ofSeconds(120));
  }
}
