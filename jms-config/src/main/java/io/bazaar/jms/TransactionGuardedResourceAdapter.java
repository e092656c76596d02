package io.bazaar.jms;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * The Artemis resource adapter, with every transacted delivery to a message-driven bean guarded so
 * that a message is only ever acknowledged inside the container's transaction.
 *
 * <p>Why: the adapter acknowledges a transacted message <em>before</em> it calls the bean, trusting
 * that the container has enlisted the session in a transaction. When the container could not (its
 * {@code beforeDelivery} found a transaction left on the delivery thread and failed with "Client's
 * transaction aborted"), Payara does not say so to the adapter, the acknowledgement goes to the
 * broker outside any XA branch, and the broker commits it on its own. The bean is then never
 * called, and the message is gone: the fault run lost 33 order confirmations that way. See {@link
 * TransactionGuardedEndpoint}.
 */
public class TransactionGuardedResourceAdapter extends ActiveMQResourceAdapter {

  private static final long serialVersionUID = 1L;

  @Override
  public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
      throws ResourceException {
    super.endpointActivation(
        new GuardedEndpointFactory(endpointFactory, DeliveryThreadTransactions.lookUp()), spec);
  }
}
