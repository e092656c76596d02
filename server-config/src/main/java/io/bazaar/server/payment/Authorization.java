package io.bazaar.server.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A card authorization at the sandbox provider and everything that happened to it since.
 *
 * @param id {@code auth_...}
 * @param token the card token the shop sent ({@code tok_...})
 * @param capturedAmount zero until captured
 * @param declineReason why the card was declined, null unless {@link AuthorizationStatus#DECLINED}
 */
public record Authorization(
    String id,
    AuthorizationStatus status,
    BigDecimal amount,
    String currency,
    String reference,
    String token,
    Instant createdAt,
    BigDecimal capturedAmount,
    List<Refund> refunds,
    String declineReason) {

  public Authorization {
    refunds = List.copyOf(refunds);
  }

  /** The sum of all refunds, in the scale of the authorized amount. */
  public BigDecimal refundedAmount() {
    return refunds.stream().map(Refund::amount).reduce(zero(), BigDecimal::add);
  }

  BigDecimal zero() {
    return BigDecimal.ZERO.setScale(amount.scale());
  }

  Authorization voided() {
    return switch (status) {
      case AUTHORIZED, VOIDED -> with(AuthorizationStatus.VOIDED, capturedAmount, refunds);
      case CAPTURED -> throw PaymentProblem.conflict(id + " is captured; refund it instead");
      case DECLINED ->
          throw PaymentProblem.conflict(id + " was declined; there is nothing to void");
    };
  }

  /** Capturing again with the same amount answers like the first capture, so retries are safe. */
  Authorization captured(BigDecimal requested) {
    BigDecimal toCapture = requested == null ? amount : requested;
    return switch (status) {
      case AUTHORIZED -> {
        if (toCapture.compareTo(amount) > 0) {
          throw PaymentProblem.unprocessable(
              "Cannot capture "
                  + toCapture.toPlainString()
                  + ": only "
                  + amount.toPlainString()
                  + " "
                  + currency
                  + " is authorized");
        }
        yield with(AuthorizationStatus.CAPTURED, toCapture, refunds);
      }
      case CAPTURED -> {
        if (toCapture.compareTo(capturedAmount) != 0) {
          throw PaymentProblem.conflict(
              id + " is already captured with " + capturedAmount.toPlainString());
        }
        yield this;
      }
      case VOIDED -> throw PaymentProblem.conflict(id + " is voided");
      case DECLINED -> throw PaymentProblem.conflict(id + " was declined");
    };
  }

  Authorization refunded(Refund refund) {
    if (status != AuthorizationStatus.CAPTURED) {
      throw PaymentProblem.conflict(id + " is " + status + "; only a captured payment is refunded");
    }
    BigDecimal after = refundedAmount().add(refund.amount());
    if (after.compareTo(capturedAmount) > 0) {
      throw PaymentProblem.unprocessable(
          "Refunds would total "
              + after.toPlainString()
              + " but only "
              + capturedAmount.toPlainString()
              + " "
              + currency
              + " was captured");
    }
    List<Refund> all = new ArrayList<>(refunds);
    all.add(refund);
    return with(status, capturedAmount, all);
  }

  private Authorization with(
      AuthorizationStatus newStatus, BigDecimal newCapturedAmount, List<Refund> newRefunds) {
    return new Authorization(
        id,
        newStatus,
        amount,
        currency,
        reference,
        token,
        createdAt,
        newCapturedAmount,
        newRefunds,
        declineReason);
  }
}
