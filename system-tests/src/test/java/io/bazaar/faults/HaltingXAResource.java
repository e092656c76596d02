package io.bazaar.faults;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A transaction branch that stops the JVM the way kill -9 does (no shutdown hooks, no flushing) in
 * the chosen phase of two-phase commit, leaving the real branches in doubt for recovery to resolve.
 */
public class HaltingXAResource implements XAResource {

  public enum Phase {
    PREPARE,
    COMMIT
  }

  private final Phase haltIn;

  public HaltingXAResource(Phase haltIn) {
    this.haltIn = haltIn;
  }

  private void haltIf(Phase phase) {
    if (phase == haltIn) {
      Runtime.getRuntime().halt(137);
    }
  }

  @Override
  public int prepare(Xid xid) {
    haltIf(Phase.PREPARE);
    return XA_OK;
  }

  @Override
  public void commit(Xid xid, boolean onePhase) {
    haltIf(Phase.COMMIT);
  }

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
  public boolean setTransactionTimeout(int seconds) throws XAException {
    return false;
  }
}
