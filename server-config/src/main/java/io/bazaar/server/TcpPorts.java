package io.bazaar.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Ports of the local shop. Every service listens on the loopback interface only. */
public final class TcpPorts {

  /** The only address the local shop and its tests listen on. */
  public static final String LOOPBACK = "127.0.0.1";

  private TcpPorts() {}

  /**
   * Ports handed out are below Linux's default ephemeral range (32768-60999). A port the kernel
   * picks for port 0 comes from that range, where the outgoing connections of the services started
   * next (JDBC, broker, HTTP clients) take their local ports too: a port that was free when chosen
   * was then taken by a connection before its server could bind it. Below the range only listeners
   * live.
   */
  private static final int FIRST_PORT = 20_000;

  private static final int PAST_LAST_PORT = 32_000;

  /** Never the same port twice in one JVM, though its server may not have bound it yet. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /**
   * A port that was free a moment ago. Tests take their ports from here so that several stacks (a
   * running shop, parallel builds) never collide on the fixed defaults.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, PAST_LAST_PORT);
      if (reserve(port, 1)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "No free port on " + LOOPBACK + " between " + FIRST_PORT + " and " + PAST_LAST_PORT);
  }

  /**
   * The first of {@code count} consecutive ports that were all free a moment ago, none handed out
   * before or after: for a service that tries the ports after its own, as Hazelcast does (the data
   * grid's port and the next 19). Another service on one of them answers the grid's join attempts
   * with a protocol it does not speak, and the member never finishes booting.
   */
  public static int freePortRange(int count) {
    for (int attempt = 0; attempt < 500; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(FIRST_PORT, PAST_LAST_PORT - count);
      if (reserve(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException(
        "No "
            + count
            + " consecutive free ports on "
            + LOOPBACK
            + " between "
            + FIRST_PORT
            + " and "
            + PAST_LAST_PORT);
  }

  private static synchronized boolean reserve(int first, int count) {
    for (int port = first; port < first + count; port++) {
      if (HANDED_OUT.contains(port) || !isFree(port)) {
        return false;
      }
    }
    for (int port = first; port < first + count; port++) {
      HANDED_OUT.add(port);
    }
    return true;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port));
      return true;
    } catch (IOException taken) {
      return false;
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
