package io.bazaar.jms;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The consuming session's XA resource, as the container sees it. It passes every call on and
 * remembers whether the session is inside a started branch: the one fact the guard needs before it
 * lets the adapter acknowledge a message.
 */
final class DeliveryBranch implements XAResource {

  private final XAResource session;

  /**
   * Deliveries on one session are sequential; the container may end the branch on another thread.
   */
  private volatile Xid current;

  DeliveryBranch(XAResource session) {
    this.session = session;
  }

  /** True between a successful {@code start} and the matching {@code end}. */
  boolean isStarted() {
    return current != null;
  }

  @Override
  public void start(Xid xid, int flags) throws XAException {
    session.start(xid, flags);
    current = xid;
  }

  @Override
  public void end(Xid xid, int flags) throws XAException {
    current = null;
    session.end(xid, flags);
  }

  @Override
  public int prepare(Xid xid) throws XAException {
    return session.prepare(xid);
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    session.commit(xid, onePhase);
  }

  @Override
  public void rollback(Xid xid) throws XAException {
    current = null;
    session.rollback(xid);
  }

  @Override
  public void forget(Xid xid) throws XAException {
    session.forget(xid);
  }

  @Override
  public Xid[] recover(int flag) throws XAException {
    return session.recover(flag);
  }

  @Override
  public boolean isSameRM(XAResource other) throws XAException {
    return session.isSameRM(other instanceof DeliveryBranch branch ? branch.session : other);
  }

  @Override
  public int getTransactionTimeout() throws XAException {
    return session.getTransactionTimeout();
  }

  @Override
  public boolean setTransactionTimeout(int seconds) throws XAException {
    return session.setTransactionTimeout(seconds);
  }

  @Override
  public String toString() {
    return "DeliveryBranch[" + session + "]";
  }
}
