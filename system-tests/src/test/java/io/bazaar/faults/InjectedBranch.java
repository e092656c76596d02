package io.bazaar.faults;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A transaction branch with no data of its own, enlisted in a checkout to act at a chosen point of
 * two-phase commit; subclasses override the step they act in. It has nothing to recover.
 */
public abstract class InjectedBranch implements XAResource {

  @Override
  public int prepare(Xid xid) throws XAException {
    return XA_OK;
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {}

  @Override
  public void rollback(Xid xid) {}

  @Override
  public void start(Xid xid, int flags) {}

  @Override
  public void end(Xid xid, int flags) {}

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
