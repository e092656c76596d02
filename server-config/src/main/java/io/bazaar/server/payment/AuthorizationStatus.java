package io.bazaar.server.payment;

/** Where an authorization stands at the payment provider. */
public enum AuthorizationStatus {
  /** Funds are held; the shop may capture or void. */
  AUTHORIZED,
  /** The card was refused; nothing is held. */
  DECLINED,
  /** The hold was released before capture. */
  VOIDED,
  /** Funds were taken; refunds may follow. */
  CAPTURED
}
