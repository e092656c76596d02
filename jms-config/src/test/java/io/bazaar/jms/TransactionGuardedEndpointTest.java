package io.bazaar.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

/**
 * The guard between the Artemis adapter and the container, driven the way the adapter drives an
 * endpoint (beforeDelivery, acknowledge, onMessage, afterDelivery), against a container that
 * behaves as Payara's does when it cannot start the delivery's transaction.
 */
class TransactionGuardedEndpointTest {

  private final FakeTransactions.Manager transactionManager = new FakeTransactions.Manager();
  private final FakeTransactions.Session session = new FakeTransactions.Session();
  private final FakeContainer container = new FakeContainer(transactionManager);
  private final MessageEndpointFactory factory =
      new GuardedEndpointFactory(container, new DeliveryThreadTransactions(transactionManager));

  @Test
  void aNormalDeliveryAcknowledgesInsideTheContainersTransaction() throws Exception {
    MessageEndpoint endpoint = factory.createEndpoint(session);

    deliver(endpoint, "order-1");

    assertThat(container.delivered).containsExactly("order-1");
    assertThat(session.acknowledgedInBranch).containsExactly("order-1");
    assertThat(session.acknowledgedOutsideBranch).isEmpty();
    assertThat(transactionManager.getTransaction()).isNull();
  }

  @Test
  void aTransactionLeftOnTheThreadIsRolledBackAndTheDeliveryGoesAhead() throws Exception {
    FakeTransactions.Transaction leftover = transactionManager.beginLeftover();
    leftover.setRollbackOnly();
    MessageEndpoint endpoint = factory.createEndpoint(session);

    deliver(endpoint, "order-2");

    assertThat(leftover.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
    assertThat(container.delivered).containsExactly("order-2");
    assertThat(session.acknowledgedInBranch).containsExactly("order-2");
    assertThat(session.acknowledgedOutsideBranch).isEmpty();
  }

  @Test
  void withoutTheGuardTheSameLeftoverLosesTheMessage() throws Exception {
    transactionManager.beginLeftover().setRollbackOnly();
    MessageEndpoint unguarded = container.createEndpoint(session);

    deliver(unguarded, "order-3");

    assertThat(container.delivered).isEmpty();
    assertThat(session.acknowledgedOutsideBranch).containsExactly("order-3");
  }

  @Test
  void aDeliveryWhoseSessionWasNotEnlistedIsRefusedBeforeTheAcknowledgement() throws Exception {
    container.enlistmentFails = true;

    assertRefusedThenDeliveredAgain("order-4", () -> container.enlistmentFails = false);
    assertThat(container.afterDeliveries)
        .as("the refused delivery's, then the second's")
        .isEqualTo(2);
    assertThat(transactionManager.getTransaction()).isNull();
  }

  /**
   * A delivery during deployment: the container cannot create the bean, starts no transaction, and
   * its afterDelivery fails too (Payara: ClassCastException on the invocation it never pushed).
   */
  @Test
  void aDeliveryTheContainerCannotEvenStartIsRefusedAndRedelivered() throws Exception {
    container.beanCannotBeCreated = true;

    assertRefusedThenDeliveredAgain("order-6", () -> container.beanCannotBeCreated = false);
  }

  /**
   * The first delivery is refused unacknowledged; once the container is mended, it goes through.
   */
  private void assertRefusedThenDeliveredAgain(String message, Runnable mend) throws Exception {
    MessageEndpoint endpoint = factory.createEndpoint(session);

    assertThat(deliver(endpoint, message)).as("acknowledged").isFalse();
    assertThat(session.acknowledgedOutsideBranch).isEmpty();
    assertThat(session.acknowledgedInBranch).isEmpty();
    assertThat(container.delivered).isEmpty();

    mend.run();
    assertThat(deliver(endpoint, message)).as("acknowledged").isTrue();
    assertThat(container.delivered).containsExactly(message);
    assertThat(session.acknowledgedInBranch).containsExactly(message);
    assertThat(session.acknowledgedOutsideBranch).isEmpty();
  }

  @Test
  void aTransactionTheContainerLeavesBehindIsRemovedAfterTheDelivery() throws Exception {
    container.leavesTransactionBehind = true;
    MessageEndpoint endpoint = factory.createEndpoint(session);

    deliver(endpoint, "order-5");

    assertThat(transactionManager.getTransaction()).isNull();
    assertThat(container.lastTransaction.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
  }

  @Test
  void aDeliveryWithoutTransactionIsNotWrapped() throws Exception {
    assertThat(factory.createEndpoint(null)).isInstanceOf(FakeContainer.Endpoint.class);
  }

  @Test
  void theBranchIsTheSameResourceManagerAsItsSession() throws Exception {
    DeliveryBranch branch = new DeliveryBranch(session);
    assertThat(branch.isSameRM(new DeliveryBranch(session))).isTrue();
    assertThat(branch.isSameRM(session)).isTrue();
    assertThat(branch.isSameRM(new FakeTransactions.Session())).isFalse();
  }

  @Test
  void aGuardedEndpointStillLooksLikeAListener() throws Exception {
    MessageEndpoint endpoint = factory.createEndpoint(session);
    assertThat(endpoint).isInstanceOf(MessageListener.class).isEqualTo(endpoint);
    assertThatThrownBy(() -> ((MessageListener) endpoint).onMessage(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a delivery");
  }

  /**
   * What ActiveMQMessageHandler.onMessage does with a transacted delivery.
   *
   * @return whether the message was acknowledged
   */
  private boolean deliver(MessageEndpoint endpoint, String message) throws Exception {
    boolean before = false;
    try {
      endpoint.beforeDelivery(FakeContainer.ON_MESSAGE);
      before = true;
      session.acknowledge(message);
      ((MessageListener) endpoint).onMessage(FakeContainer.message(message));
      endpoint.afterDelivery();
      return true;
    } catch (ResourceException | RuntimeException failed) {
      int status = transactionManager.getStatus();
      if (before || status != Status.STATUS_NO_TRANSACTION) {
        if (status != Status.STATUS_NO_TRANSACTION) {
          transactionManager.setRollbackOnly();
        }
        endpoint.afterDelivery();
      }
      return before;
    }
  }

  /** Payara's MDB container as far as the guard meets it. */
  static final class FakeContainer implements MessageEndpointFactory {
    static final Method ON_MESSAGE;

    static {
      try {
        ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
      } catch (NoSuchMethodException impossible) {
        throw new ExceptionInInitializerError(impossible);
      }
    }

    final FakeTransactions.Manager transactions;
    final List<String> delivered = new ArrayList<>();
    boolean enlistmentFails;
    boolean beanCannotBeCreated;
    boolean leavesTransactionBehind;
    int afterDeliveries;
    FakeTransactions.Transaction lastTransaction;

    FakeContainer(FakeTransactions.Manager transactions) {
      this.transactions = transactions;
    }

    static Message message(String text) {
      return (Message)
          java.lang.reflect.Proxy.newProxyInstance(
              Message.class.getClassLoader(),
              new Class<?>[] {Message.class},
              (proxy, method, arguments) -> method.getName().equals("toString") ? text : null);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource session) {
      return new Endpoint(session);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource session, long timeout) {
      return new Endpoint(session);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
      return true;
    }

    @Override
    public String getActivationName() {
      return "fake";
    }

    @Override
    public Class<?> getEndpointClass() {
      return Endpoint.class;
    }

    /** Like Payara's: beforeDelivery keeps its failure for the bean call instead of throwing. */
    final class Endpoint implements MessageEndpoint, MessageListener {
      private final XAResource session;
      private RuntimeException failure;
      private boolean open;

      Endpoint(XAResource session) {
        this.session = session;
      }

      @Override
      public void beforeDelivery(Method method) {
        open = true;
        failure = null;
        if (beanCannotBeCreated) {
          failure = new IllegalStateException("Exception attempting to inject");
          lastTransaction = null;
          return;
        }
        FakeTransactions.Transaction client = transactions.getTransaction();
        if (client != null) {
          failure = new IllegalStateException("Client's transaction aborted");
          return;
        }
        lastTransaction = transactions.start();
        if (enlistmentFails) {
          failure = new IllegalStateException("enlistment failed");
          return;
        }
        lastTransaction.enlistResource(session);
      }

      @Override
      public void onMessage(Message message) {
        if (!open) {
          throw new IllegalStateException("onMessage outside a delivery");
        }
        if (failure != null) {
          throw failure;
        }
        delivered.add(message.toString());
      }

      @Override
      public void afterDelivery() {
        afterDeliveries++;
        open = false;
        if (beanCannotBeCreated) {
          throw new ClassCastException("ComponentInvocation cannot be cast to EjbInvocation");
        }
        if (lastTransaction == null || transactions.getTransaction() != lastTransaction) {
          return;
        }
        lastTransaction.delistResource(session, XAResource.TMSUCCESS);
        if (leavesTransactionBehind) {
          lastTransaction.setRollbackOnly();
          return;
        }
        if (failure != null) {
          transactions.rollback();
        } else {
          transactions.commit();
        }
      }

      @Override
      public void release() {}
    }
  }
}
