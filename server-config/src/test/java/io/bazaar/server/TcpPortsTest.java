package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpPortsTest {

  @Test
  void freePortsAreDistinctBindableAndOutsideTheEphemeralRange() throws Exception {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ports.add(TcpPorts.freePort());
    }
    assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(20_000, 31_999));
    int port = ports.iterator().next();
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(TcpPorts.LOOPBACK, port));
      assertThat(server.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aRangeOfPortsIsFreeAndNoneOfItIsHandedOutAgain() {
    int first = TcpPorts.freePortRange(20);
    Set<Integer> later = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      later.add(TcpPorts.freePort());
    }
    assertThat(later).noneMatch(port -> port >= first && port < first + 20);
  }
}
