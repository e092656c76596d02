package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

  private final HttpProbe probe = new HttpProbe(Duration.ofMillis(500));

  @Test
  void answersWhatTheServerAnswered() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      // Patient: the first request of a JVM on a busy machine can take a second or more.
      var answer =
          new HttpProbe(Duration.ofSeconds(10))
              .get(
                  URI.create(
                      "http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready"));

      assertThat(answer).hasValueSatisfying(a -> assertThat(a.body()).contains("UP"));
    } finally {
      server.stop(0);
    }
  }

  /** A member that accepts connections and never answers must not hold the caller. */
  @Test
  void givesUpOnAServerThatNeverAnswers() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (Exception closed) {
                  // the test is over
                }
              });
      acceptor.start();
      long started = System.nanoTime();

      var answer = probe.get(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/health"));

      assertThat(answer).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void answersNothingWhereNothingListens() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = socket.getLocalPort();
    }

    assertThat(probe.get(URI.create("http://127.0.0.1:" + free + "/health"))).isEmpty();
  }
}
