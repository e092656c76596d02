package io.bazaar.jms;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** A one-thread transaction manager and an XA session that records where it acknowledged. */
final class FakeTransactions {

  private FakeTransactions() {}

  static final class Manager implements jakarta.transaction.TransactionManager {
    private Transaction current;

    Transaction beginLeftover() {
      return start();
    }

    Transaction start() {
      current = new Transaction();
      return current;
    }

    @Override
    public void begin() {
      start();
    }

    @Override
    public void commit() {
      current.status = Status.STATUS_COMMITTED;
      current.endBranches(true);
      current = null;
    }

    @Override
    public void rollback() {
      if (current == null) {
        throw new IllegalStateException("no transaction");
      }
      current.status = Status.STATUS_ROLLEDBACK;
      current.endBranches(false);
      current = null;
    }

    @Override
    public int getStatus() {
      return current == null ? Status.STATUS_NO_TRANSACTION : current.status;
    }

    @Override
    public Transaction getTransaction() {
      return current;
    }

    @Override
    public void resume(jakarta.transaction.Transaction transaction) {
      current = (Transaction) transaction;
    }

    @Override
    public void setRollbackOnly() {
      current.setRollbackOnly();
    }

    @Override
    public void setTransactionTimeout(int seconds) {}

    @Override
    public Transaction suspend() {
      Transaction suspended = current;
      current = null;
      return suspended;
    }
  }

  static final class Transaction implements jakarta.transaction.Transaction {
    private int status = Status.STATUS_ACTIVE;
    private final Xid xid = new SimpleXid();
    private final List<XAResource> enlisted = new ArrayList<>();

    @Override
    public boolean enlistResource(XAResource resource) {
      try {
        resource.start(xid, XAResource.TMNOFLAGS);
      } catch (XAException failed) {
        throw new IllegalStateException(failed);
      }
      enlisted.add(resource);
      return true;
    }

    @Override
    public boolean delistResource(XAResource resource, int flags) {
      if (!enlisted.contains(resource)) {
        return false;
      }
      try {
        resource.end(xid, flags);
      } catch (XAException failed) {
        throw new IllegalStateException(failed);
      }
      return true;
    }

    void endBranches(boolean commit) {
      for (XAResource resource : enlisted) {
        try {
          if (commit) {
            resource.commit(xid, true);
          } else {
            resource.rollback(xid);
          }
        } catch (XAException failed) {
          throw new IllegalStateException(failed);
        }
      }
    }

    @Override
    public void commit() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void rollback() {
      status = Status.STATUS_ROLLEDBACK;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void registerSynchronization(Synchronization synchronization) {}

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }
  }

  /** Acknowledgements inside a started branch wait for its outcome; others commit at once. */
  static final class Session implements XAResource {
    final List<String> acknowledgedInBranch = new ArrayList<>();
    final List<String> acknowledgedOutsideBranch = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private boolean inBranch;

    void acknowledge(String message) {
      if (inBranch) {
        pending.add(message);
      } else {
        acknowledgedOutsideBranch.add(message);
      }
    }

    @Override
    public void start(Xid xid, int flags) {
      inBranch = true;
    }

    @Override
    public void end(Xid xid, int flags) {
      inBranch = false;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
      acknowledgedInBranch.addAll(pending);
      pending.clear();
    }

    @Override
    public void rollback(Xid xid) {
      pending.clear();
    }

    @Override
    public int prepare(Xid xid) {
      return XA_OK;
    }

    @Override
    public void forget(Xid xid) {}

    @Override
    public Xid[] recover(int flag) {
      return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
      return other == this;
    }

    @Override
    public int getTransactionTimeout() {
      return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
      return false;
    }
  }

  private static final class SimpleXid implements Xid {
    @Override
    public int getFormatId() {
      return 1;
    }

    @Override
    public byte[] getGlobalTransactionId() {
      return new byte[] {1};
    }

    @Override
    public byte[] getBranchQualifier() {
      return new byte[] {1};
    }
  }
}
