package io.bazaar.faults;

import io.bazaar.ordering.boundary.OrderPlaced;
import io.bazaar.ordering.control.OrderEvents;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionManager;

/**
 * Runs after the OrderPlaced send, the last step of checkout: by then stock is decremented, the
 * order and payment rows are written and the message is sent, all in the open transaction.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FaultyOrderEvents implements OrderEvents {

  @Inject @Delegate @Any OrderEvents delegate;

  @Resource(lookup = "java:appserver/TransactionManager")
  TransactionManager transactions;

  @Override
  public void orderPlaced(OrderPlaced event) {
    delegate.orderPlaced(event);
    if (Faults.marks(event.email(), Faults.FAIL_AFTER_SEND)) {
      throw new InjectedFault("injected failure after the stock update and the send");
    }
    if (Faults.marks(event.email(), Faults.CRASH_IN_PREPARE)) {
      // Enlisted last, so it is prepared last: every real branch is prepared when the JVM stops.
      enlist(new HaltingXAResource(HaltingXAResource.Phase.PREPARE));
    }
  }

  private void enlist(HaltingXAResource resource) {
    try {
      transactions.getTransaction().enlistResource(resource);
    } catch (Exception notEnlisted) {
      throw new InjectedFault("could not enlist the halting branch: " + notEnlisted);
    }
  }
}
