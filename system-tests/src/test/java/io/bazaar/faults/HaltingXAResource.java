package io.bazaar.faults;

import javax.transaction.xa.Xid;

/**
 * A transaction branch that stops the JVM the way kill -9 does (no shutdown hooks, no flushing) in
 * the chosen phase of two-phase commit, leaving the real branches in doubt for recovery to resolve.
 */
public class HaltingXAResource extends InjectedBranch {

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
}
