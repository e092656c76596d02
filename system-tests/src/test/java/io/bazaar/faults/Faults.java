package io.bazaar.faults;

/**
 * Faults the system tests inject into a real checkout. The tests mark an order by the local part of
 * its e-mail address; every other order goes through untouched. Packaged into a copy of the
 * storefront WAR by the tests only; never part of the shop.
 */
public enum Faults {
  /** Throws after the stock decrement and the JMS send: the whole transaction must roll back. */
  FAIL_AFTER_SEND("fail-after-send"),
  /** Halts the JVM (like kill -9) while the other branches are prepared and nothing is decided. */
  CRASH_IN_PREPARE("crash-in-prepare");

  /**
   * The payment token that halts the JVM after the commit decision is logged, before the stock,
   * payment and message branches are committed (the payment sandbox approves any {@code tok_}
   * token).
   */
  public static final String CRASH_IN_COMMIT_TOKEN = "tok_crash_in_commit";

  /**
   * The payment token that terminates the database sessions holding the prepared branches after the
   * commit decision, before the branches are committed.
   */
  public static final String CONNECTIONS_LOST_IN_COMMIT_TOKEN = "tok_connections_lost_in_commit";

  /**
   * The payment token whose second phase waits, before the message branch is committed, until the
   * test has killed the broker.
   */
  public static final String BROKER_LOST_IN_COMMIT_TOKEN = "tok_broker_lost_in_commit";

  private final String marker;

  Faults(String marker) {
    this.marker = marker;
  }

  public String email(String unique) {
    return marker + "+" + unique + "@faults.bazaar.test";
  }

  static boolean marks(String email, Faults fault) {
    return email != null && email.startsWith(fault.marker + "+");
  }
}
