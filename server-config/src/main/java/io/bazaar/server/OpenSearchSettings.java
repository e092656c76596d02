package io.bazaar.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the OpenSearch server.
 *
 * @param distribution the integration-test distribution's zip (target/shop/opensearch.zip)
 * @param modules one directory of jars per module that distribution lacks
 *     (target/shop/opensearch-modules)
 * @param home where the distribution is unpacked; its {@code config/}, {@code data/} and {@code
 *     logs/} are kept across restarts
 * @param logFile where the server's console output goes
 * @param host the address HTTP and the transport listen on
 * @param httpPort the REST port the shop uses
 * @param transportPort the node-to-node port (unused by a single node, but always bound)
 * @param heap the JVM heap, e.g. {@code 512m}
 * @param javaHome the JDK OpenSearch runs on (2.x needs 11 to 23: it uses the Security Manager)
 * @param runAsUser the unprivileged user it runs as when the stack runs as root (OpenSearch refuses
 *     root)
 * @param startTimeout how long to wait until the cluster is at least yellow
 */
public record OpenSearchSettings(
    Path distribution,
    Path modules,
    Path home,
    Path logFile,
    String host,
    int httpPort,
    int transportPort,
    String heap,
    Path javaHome,
    String runAsUser,
    Duration startTimeout) {

  /** The user a root launcher hands OpenSearch to: present on every Linux system. */
  public static final String DEFAULT_USER = "nobody";

  /** Defaults: 127.0.0.1, a 512 MB heap, the launcher's JDK, user nobody, 120 s. */
  public static OpenSearchSettings of(
      Path distribution, Path modules, Path home, Path logFile, int httpPort, int transportPort) {
    return new OpenSearchSettings(
        distribution,
        modules,
        home,
        logFile,
        TcpPorts.LOOPBACK,
        httpPort,
        transportPort,
        "512m",
        Path.of(System.getProperty("java.home")),
        DEFAULT_USER,
        Duration.ofSeconds(120));
  }
}
