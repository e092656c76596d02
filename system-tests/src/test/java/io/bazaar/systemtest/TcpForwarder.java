package io.bazaar.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards connections from a port of its own to a target port on the loopback interface, and can
 * be switched off (connections refused, open ones cut) and on again on the same port: a server
 * outage that touches only the client configured with this port.
 */
final class TcpForwarder implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listening;

  /** Forwards from a free port; call {@link #on()} to accept connections. */
  TcpForwarder(int targetPort) throws IOException {
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  synchronized TcpForwarder on() throws IOException {
    if (listening != null) {
      return this;
    }
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    listening = server;
    Thread acceptor = new Thread(() -> accept(server), "forwarder-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** Refuses new connections and cuts the open ones. */
  synchronized void off() {
    if (listening == null) {
      return;
    }
    closeQuietly(listening);
    listening = null;
    open.forEach(TcpForwarder::closeQuietly);
    open.clear();
  }

  @Override
  public void close() {
    off();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException switchedOff) {
        return;
      }
      try {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(target);
        pipe(client, target);
        pipe(target, client);
      } catch (IOException targetDown) {
        closeQuietly(client);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException cut) {
                // One side closed: close both below.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "forwarder-" + port + "-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception alreadyClosed) {
      // Nothing left to release.
    }
  }
}
