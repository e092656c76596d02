package io.bazaar.ordering.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** A shopper's request to turn a cart into an order. */
public record PlaceOrder(
    String idempotencyKey,
    UUID cartId,
    String email,
    Address shippingAddress,
    String paymentToken) {

  public record Address(
      String name, String line1, String line2, String city, String postalCode, String country) {}

  /**
   * Identifies what was asked for, apart from the key, so that a retry with the same key can be
   * told from a different request that reuses it.
   */
  public String fingerprint() {
    Address a = shippingAddress;
    String canonical =
        String.join(
            "\u001f",
            Objects.toString(cartId),
            Objects.toString(email).strip().toLowerCase(java.util.Locale.ROOT),
            a == null
                ? ""
                : String.join(
                    "\u001f",
                    Objects.toString(a.name()),
                    Objects.toString(a.line1()),
                    Objects.toString(a.line2()),
                    Objects.toString(a.city()),
                    Objects.toString(a.postalCode()),
                    Objects.toString(a.country())),
            Objects.toString(paymentToken));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJvmHasSha256) {
      throw new IllegalStateException(everyJvmHasSha256);
    }
  }
}
