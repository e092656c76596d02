package io.bazaar.payment.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases an authorization whose checkout transaction did not commit. If the void itself fails
 * (the provider is down), the authorization lapses at the provider after its hold period; the log
 * line is what an operator reconciles against the provider's report.
 */
public class VoidOnRollback implements Synchronization {

  private static final Logger LOG = Logger.getLogger(VoidOnRollback.class.getName());

  private final PaymentGateway gateway;
  private final String authorizationId;

  public VoidOnRollback(PaymentGateway gateway, String authorizationId) {
    this.gateway = gateway;
    this.authorizationId = authorizationId;
  }

  @Override
  public void beforeCompletion() {
    // nothing to do before the outcome is known
  }

  @Override
  public void afterCompletion(int status) {
    if (status == Status.STATUS_COMMITTED) {
      return;
    }
    try {
      gateway.voidAuthorization(authorizationId);
      LOG.info(() -> "voided authorization " + authorizationId + " of a rolled-back checkout");
    } catch (RuntimeException voidFailed) {
      LOG.log(
          Level.SEVERE,
          "could not void authorization "
              + authorizationId
              + " of a rolled-back checkout; it must be released at the provider",
          voidFailed);
    }
  }
}
