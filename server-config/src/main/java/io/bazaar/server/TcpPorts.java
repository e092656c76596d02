package io.bazaar.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Ports of the local shop. Every service listens on the loopback interface only. */
public final class TcpPorts {

  /** The only address the local shop and its tests listen on. */
  public static final String LOOPBACK = "127.0.0.1";

  private TcpPorts() {}

  /**
   * A port that was free a moment ago. Tests take their ports from here so that several stacks (a
   * running shop, parallel builds) never collide on the fixed defaults.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + LOOPBACK, e);
    }
  }

  /** True if something accepts connections on the address right now. */
  public static boolean isAcceptingConnections(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails fast with a message a person understands when a port is taken, instead of letting a
   * service fail later with its own bind error buried in a log file.
   */
  public static void requireFree(String host, int port, String service) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException(
          service
              + " cannot listen on "
              + host
              + ":"
              + port
              + ": the port is in use (is the shop already running?)",
          e);
    }
  }

  /**
   * Waits until the port accepts connections.
   *
   * @param stillStarting false as soon as the service has died, which ends the wait at once
   * @return true if the port accepts connections, false if the service died or time ran out
   */
  static boolean awaitAcceptingConnections(
      String host, int port, Duration timeout, BooleanSupplier stillStarting)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isAcceptingConnections(host, port)) {
        return true;
      }
      if (!stillStarting.getAsBoolean()) {
        return false;
      }
      Thread.sleep(200);
    }
    return false;
  }
}
