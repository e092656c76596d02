package io.bazaar.server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The document store: a server speaking the MongoDB wire protocol (mongo-java-server) whose data
 * lives in an H2 MVStore file, so documents survive restarts. No MongoDB server is installable on
 * the build machines; the applications' MongoDB driver talks to this one unchanged.
 */
public final class DocumentStore implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DocumentStore.class.getName());

  private final Path file;
  private final int port;
  private MongoServer server;

  /**
   * @param file the MVStore file, e.g. {@code <data>/documents.mv}
   * @param port the port on 127.0.0.1
   */
  public DocumentStore(Path file, int port) {
    this.file = file;
    this.port = port;
  }

  public synchronized DocumentStore start() throws IOException {
    if (server != null) {
      return this;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    TcpPorts.requireFree(TcpPorts.LOOPBACK, port, "The document store");
    H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
    MongoServer starting = new MongoServer(backend);
    try {
      starting.bind(TcpPorts.LOOPBACK, port);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    server = starting;
    LOG.log(Level.INFO, "Document store listens on {0}:{1,number,#}", TcpPorts.LOOPBACK, port);
    return this;
  }

  /** Closes the connections and the MVStore file. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:<port>}, the form of {@code jnosql.mongodb.host}. */
  public String hostAndPort() {
    return TcpPorts.LOOPBACK + ":" + port;
  }

  /** {@code mongodb://127.0.0.1:<port>}, for a MongoDB driver. */
  public String connectionString() {
    return "mongodb://" + hostAndPort();
  }

  public Path file() {
    return file;
  }
}
