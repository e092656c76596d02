package io.bazaar.jms;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import javax.transaction.xa.XAResource;

/**
 * Hands the adapter guarded endpoints: the container's endpoint, enlisting the session through a
 * {@link DeliveryBranch} so the guard can see whether the enlistment happened.
 */
final class GuardedEndpointFactory implements MessageEndpointFactory {

  private final MessageEndpointFactory container;
  private final DeliveryThreadTransactions transactions;

  GuardedEndpointFactory(
      MessageEndpointFactory container, DeliveryThreadTransactions transactions) {
    this.container = container;
    this.transactions = transactions;
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource session) throws UnavailableException {
    if (session == null) {
      // Not transacted: the adapter acknowledges after the bean returns, nothing to guard.
      return container.createEndpoint(null);
    }
    DeliveryBranch branch = new DeliveryBranch(session);
    return TransactionGuardedEndpoint.guard(container.createEndpoint(branch), branch, transactions);
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource session, long timeout)
      throws UnavailableException {
    if (session == null) {
      return container.createEndpoint(null, timeout);
    }
    DeliveryBranch branch = new DeliveryBranch(session);
    return TransactionGuardedEndpoint.guard(
        container.createEndpoint(branch, timeout), branch, transactions);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) throws NoSuchMethodException {
    return container.isDeliveryTransacted(method);
  }

  @Override
  public String getActivationName() {
    return container.getActivationName();
  }

  @Override
  public Class<?> getEndpointClass() {
    return container.getEndpointClass();
  }
}
