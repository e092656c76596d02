package io.bazaar.jms;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the adapter acknowledge a message only when the container's transaction has really started
 * on the consuming session.
 *
 * <p>The adapter calls {@code beforeDelivery}, acknowledges the message on its XA session, then
 * calls the bean. Payara's {@code beforeDelivery} never fails: when it cannot begin the transaction
 * or enlist the session it keeps the exception for the bean call. An acknowledgement made then is
 * outside any branch, so the broker commits it at once, and the bean call fails: the message is
 * lost. This guard:
 *
 * <ol>
 *   <li>before a delivery, rolls back and dissociates a transaction an earlier delivery left on the
 *       thread (Payara would join it, or refuse with "Client's transaction aborted");
 *   <li>after the container's {@code beforeDelivery}, checks that the session's branch has started;
 *       if not, it closes the container's invocation and fails {@code beforeDelivery}, so the
 *       adapter does not acknowledge and the broker redelivers the message later;
 *   <li>after a delivery, removes a transaction the container failed to complete or dissociate, so
 *       the next delivery on the thread starts clean.
 * </ol>
 */
final class TransactionGuardedEndpoint implements InvocationHandler {

  private static final Logger LOG = Logger.getLogger(TransactionGuardedEndpoint.class.getName());

  private final MessageEndpoint container;
  private final DeliveryBranch branch;
  private final DeliveryThreadTransactions transactions;

  /** The container's invocation is open: its beforeDelivery ran and no afterDelivery yet. */
  private boolean delivering;

  private TransactionGuardedEndpoint(
      MessageEndpoint container, DeliveryBranch branch, DeliveryThreadTransactions transactions) {
    this.container = container;
    this.branch = branch;
    this.transactions = transactions;
  }

  /** A proxy with the container endpoint's interfaces (MessageEndpoint and the listener). */
  static MessageEndpoint guard(
      MessageEndpoint container, DeliveryBranch branch, DeliveryThreadTransactions transactions) {
    return (MessageEndpoint)
        Proxy.newProxyInstance(
            container.getClass().getClassLoader(),
            container.getClass().getInterfaces(),
            new TransactionGuardedEndpoint(container, branch, transactions));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (method.getDeclaringClass() == MessageEndpoint.class) {
      switch (method.getName()) {
        case "beforeDelivery" -> beforeDelivery((Method) arguments[0]);
        case "afterDelivery" -> afterDelivery();
        default -> container.release();
      }
      return null;
    }
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == arguments[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "TransactionGuardedEndpoint[" + container + "]";
      };
    }
    try {
      return method.invoke(container, arguments);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }

  private void beforeDelivery(Method listenerMethod)
      throws NoSuchMethodException, ResourceException {
    transactions.discardLeftover("before a delivery");
    container.beforeDelivery(listenerMethod);
    delivering = true;
    if (branch.isStarted()) {
      return;
    }
    int status = transactions.status();
    LOG.warning(
        () ->
            "the container started no transaction on the consuming session (thread transaction "
                + DeliveryThreadTransactions.StatusNames.of(status)
                + "); the delivery is refused so that the message is not acknowledged, and the broker"
                + " will deliver it again");
    try {
      closeContainerInvocation();
    } catch (RuntimeException containerFailure) {
      // When the bean could not even be created (a delivery during deployment: its resources are
      // not bound yet), Payara pushed no invocation and its afterDelivery fails on someone else's;
      // the adapter would make the same call. The refusal below is what matters.
      LOG.log(
          Level.FINE,
          "the container's afterDelivery of a refused delivery failed",
          containerFailure);
    }
    throw new ResourceException(
        "delivery refused: the consuming session is not enlisted in a transaction");
  }

  private void afterDelivery() throws ResourceException {
    if (delivering) {
      closeContainerInvocation();
    } else {
      transactions.discardLeftover("after a refused delivery");
    }
  }

  private void closeContainerInvocation() throws ResourceException {
    delivering = false;
    try {
      container.afterDelivery();
    } finally {
      transactions.discardLeftover("after a delivery");
    }
  }
}
