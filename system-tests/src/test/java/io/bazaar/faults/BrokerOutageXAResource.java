package io.bazaar.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * A transaction branch whose commit, the first of the second phase, waits until the broker is gone:
 * it logs {@link #WAITING} for the test to see, and returns once the broker's port refuses
 * connections (the test kills the broker then). The message branch, committed after it, then meets
 * a dead broker, as when the broker dies in phase two.
 */
public class BrokerOutageXAResource extends InjectedBranch {

  /** What the member's log shows while the branch waits for the broker to die. */
  public static final String WAITING =
      "fault injection: in phase two, waiting for the broker to die";

  private static final Logger LOG = Logger.getLogger(BrokerOutageXAResource.class.getName());
  private static final long PATIENCE_MILLIS = 120_000;

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    String host = System.getenv("BAZAAR_BROKER_HOST");
    int port = Integer.parseInt(System.getenv("BAZAAR_BROKER_PORT"));
    LOG.warning(WAITING);
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline && answers(host, port)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
