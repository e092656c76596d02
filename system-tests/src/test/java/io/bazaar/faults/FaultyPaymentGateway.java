package io.bazaar.faults;

import io.bazaar.payment.control.PaymentGateway;
import io.bazaar.persistence.Money;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionManager;
import javax.transaction.xa.XAResource;

/**
 * The authorization comes before the stock, payment and message branches join the transaction, so a
 * branch enlisted here is committed before them: halting in its commit leaves them prepared, with
 * the commit decision already in the transaction log.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FaultyPaymentGateway implements PaymentGateway {

  @Inject @Delegate @Any PaymentGateway delegate;

  @Resource(lookup = "java:appserver/TransactionManager")
  TransactionManager transactions;

  @Override
  public Authorization authorize(
      Money amount, String paymentToken, String reference, String idempotencyKey) {
    Authorization authorization =
        delegate.authorize(amount, paymentToken, reference, idempotencyKey);
    if (Faults.CRASH_IN_COMMIT_TOKEN.equals(paymentToken)) {
      enlist(new HaltingXAResource(HaltingXAResource.Phase.COMMIT));
    }
    if (Faults.CONNECTIONS_LOST_IN_COMMIT_TOKEN.equals(paymentToken)) {
      enlist(new ConnectionKillingXAResource());
    }
    if (Faults.BROKER_LOST_IN_COMMIT_TOKEN.equals(paymentToken)) {
      enlist(new BrokerOutageXAResource());
    }
    return authorization;
  }

  private void enlist(XAResource firstToCommit) {
    try {
      transactions.getTransaction().enlistResource(firstToCommit);
    } catch (Exception notEnlisted) {
      throw new InjectedFault("could not enlist the fault's branch: " + notEnlisted);
    }
  }
}
