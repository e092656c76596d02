package io.bazaar.jms;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.ra.ActiveMQRAManagedConnectionFactory;

/**
 * The broker's managed connections for the transaction service's recovery only: opening one waits,
 * for as long as it takes, until the broker accepts it.
 *
 * <p>Why: at a member's start, recovery asks every connector pool for an XA resource and the
 * branches prepared behind it. A pool whose connection fails is skipped, and the decision to commit
 * the branches it would have shown is forgotten with the rest of the transaction's log record: an
 * order's message left prepared in a broker that was restarting at that moment would later be
 * rolled back as unknown, while its order stood in the databases. Artemis's own initial-connect
 * retries were not enough: an attempt that meets a broker still starting fails at once.
 *
 * <p>Artemis's factory is final, so this one delegates to it. It is the managed connection factory
 * of the adapter's {@code jakarta.jms.XAConnectionFactory} connection definition, which only the
 * {@code bazaar-jms-recovery-pool} uses; the shop's own pool fails fast, so that a checkout is
 * refused while the broker is down rather than held.
 */
public class BrokerRecoveryConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG =
      Logger.getLogger(BrokerRecoveryConnectionFactory.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final ActiveMQRAManagedConnectionFactory artemis =
      new ActiveMQRAManagedConnectionFactory();

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo request)
      throws ResourceException {
    Subject forArtemis = credentialsFor(artemis, subject);
    Duration pause = FIRST_PAUSE;
    boolean told = false;
    for (int attempt = 1; ; attempt++) {
      try {
        ManagedConnection connected = artemis.createManagedConnection(forArtemis, request);
        if (told) {
          int attempts = attempt;
          LOG.warning(
              () -> "The broker answered transaction recovery after " + attempts + " attempts");
        }
        return connected;
      } catch (SecurityException refused) {
        // Wrong credentials: waiting would not mend them.
        throw refused;
      } catch (ResourceException | RuntimeException unreachable) {
        if (!told) {
          LOG.warning(
              () ->
                  "The broker cannot be reached for transaction recovery ("
                      + unreachable
                      + "); waiting for it, as recovery must not skip it");
          told = true;
        } else {
          LOG.fine(() -> "Transaction recovery still waits for the broker: " + unreachable);
        }
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new ResourceException("interrupted while waiting for the broker", interrupted);
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }
  }

  /**
   * The pool's credentials, addressed to Artemis's factory: Artemis takes only the password
   * credentials meant for itself, and the container addressed them to this factory.
   */
  private static Subject credentialsFor(ManagedConnectionFactory factory, Subject subject) {
    if (subject == null) {
      return null;
    }
    Subject translated = new Subject();
    translated.getPrincipals().addAll(subject.getPrincipals());
    for (PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
      PasswordCredential copy =
          new PasswordCredential(credential.getUserName(), credential.getPassword());
      copy.setManagedConnectionFactory(factory);
      translated.getPrivateCredentials().add(copy);
    }
    return translated;
  }

  @Override
  public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
    return artemis.createConnectionFactory(manager);
  }

  @Override
  public Object createConnectionFactory() throws ResourceException {
    return artemis.createConnectionFactory();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set connections, Subject subject, ConnectionRequestInfo request) throws ResourceException {
    return artemis.matchManagedConnections(connections, subject, request);
  }

  @Override
  public void setLogWriter(PrintWriter out) throws ResourceException {
    artemis.setLogWriter(out);
  }

  @Override
  public PrintWriter getLogWriter() throws ResourceException {
    return artemis.getLogWriter();
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return artemis.getResourceAdapter();
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    artemis.setResourceAdapter(adapter);
  }

  /** Artemis's session type for the connections (the adapter's default is a queue). */
  public void setSessionDefaultType(String type) {
    artemis.setSessionDefaultType(type);
  }

  public String getSessionDefaultType() {
    return artemis.getSessionDefaultType();
  }
}
