package io.bazaar.ordering.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {

  private static final UUID CART = UUID.randomUUID();
  private static final PlaceOrder.Address ADDRESS =
      new PlaceOrder.Address("Ada", "1 Way", null, "London", "N1", "GB");

  @Test
  void theSameRequestHasTheSameFingerprintWhateverTheKey() {
    var first = new PlaceOrder("key-1", CART, "ada@example.org", ADDRESS, "tok_visa");
    var retry = new PlaceOrder("key-2", CART, "ADA@example.org ", ADDRESS, "tok_visa");
    assertThat(first.fingerprint()).isEqualTo(retry.fingerprint()).hasSize(64);
  }

  @Test
  void aDifferentRequestHasADifferentFingerprint() {
    var first = new PlaceOrder("key-1", CART, "ada@example.org", ADDRESS, "tok_visa");
    var otherCart =
        new PlaceOrder("key-1", UUID.randomUUID(), "ada@example.org", ADDRESS, "tok_visa");
    var otherAddress =
        new PlaceOrder(
            "key-1",
            CART,
            "ada@example.org",
            new PlaceOrder.Address("Ada", "2 Way", null, "London", "N1", "GB"),
            "tok_visa");
    assertThat(otherCart.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(otherAddress.fingerprint()).isNotEqualTo(first.fingerprint());
  }
}
