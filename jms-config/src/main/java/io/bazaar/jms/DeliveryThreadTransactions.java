package io.bazaar.jms;

import jakarta.resource.ResourceException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The transaction, if any, that a delivery thread carries. Between two deliveries an adapter thread
 * must carry none: Artemis never imports a transaction. One found there was left by an earlier
 * delivery whose container could not complete or dissociate it, and it would make the container
 * refuse every later delivery on the thread.
 */
class DeliveryThreadTransactions {

  private static final Logger LOG = Logger.getLogger(DeliveryThreadTransactions.class.getName());

  /** Payara and GlassFish publish it under the first name; the others are common elsewhere. */
  private static final List<String> TRANSACTION_MANAGER_NAMES =
      List.of("java:appserver/TransactionManager", "java:/TransactionManager");

  private final TransactionManager transactionManager;

  DeliveryThreadTransactions(TransactionManager transactionManager) {
    this.transactionManager = transactionManager;
  }

  /**
   * Fails the activation rather than deliver unguarded: without the transaction manager a message
   * could again be acknowledged outside a transaction.
   */
  static DeliveryThreadTransactions lookUp() throws ResourceException {
    NamingException last = null;
    for (String name : TRANSACTION_MANAGER_NAMES) {
      try {
        return new DeliveryThreadTransactions(
            (TransactionManager) new InitialContext().lookup(name));
      } catch (NamingException notThere) {
        last = notThere;
      }
    }
    throw new ResourceException(
        "no transaction manager under "
            + TRANSACTION_MANAGER_NAMES
            + "; deliveries cannot be guarded",
        last);
  }

  /** The status of the thread's transaction, {@link Status#STATUS_NO_TRANSACTION} when none. */
  int status() {
    try {
      return transactionManager.getStatus();
    } catch (SystemException unknown) {
      return Status.STATUS_UNKNOWN;
    }
  }

  /**
   * Ends the thread's association with a transaction found where none belongs, rolling it back when
   * it is still undecided so that nothing it holds (an acknowledgement, a lock) lingers.
   *
   * @return true when there was one
   */
  boolean discardLeftover(String where) {
    try {
      Transaction leftover = transactionManager.getTransaction();
      if (leftover == null) {
        return false;
      }
      int status = leftover.getStatus();
      if (status == Status.STATUS_NO_TRANSACTION) {
        return false;
      }
      LOG.severe(
          () ->
              "delivery thread "
                  + Thread.currentThread().getName()
                  + " carried transaction "
                  + leftover
                  + " (status "
                  + StatusNames.of(status)
                  + ") "
                  + where
                  + "; it is rolled back and dissociated");
      if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
        try {
          transactionManager.rollback();
        } catch (IllegalStateException | SystemException | SecurityException failed) {
          LOG.log(Level.SEVERE, "could not roll back the leftover transaction", failed);
        }
      }
      if (transactionManager.getTransaction() != null) {
        transactionManager.suspend();
      }
      return true;
    } catch (SystemException failed) {
      LOG.log(Level.SEVERE, "could not inspect the delivery thread's transaction " + where, failed);
      return false;
    }
  }

  /** Readable names for {@link Status} codes, for the log. */
  static final class StatusNames {
    private static final String[] NAMES = {
      "ACTIVE",
      "MARKED_ROLLBACK",
      "PREPARED",
      "COMMITTED",
      "ROLLEDBACK",
      "UNKNOWN",
      "NO_TRANSACTION",
      "PREPARING",
      "COMMITTING",
      "ROLLING_BACK"
    };

    private StatusNames() {}

    static String of(int status) {
      return status >= 0 && status < NAMES.length ? NAMES[status] : String.valueOf(status);
    }
  }
}
