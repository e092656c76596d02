package io.bazaar.server.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** Money returned to the card after capture. The sandbox's refunds always succeed. */
public record Refund(String id, String authorizationId, BigDecimal amount, Instant createdAt) {

  public static final String STATUS = "SUCCEEDED";
}
