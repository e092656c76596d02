package io.bazaar.cart.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CartTest {

  @Test
  void mergesUnitsOfTheSameSku() {
    Cart cart = Cart.open();
    cart.add("SKU-1", 2);
    cart.add("SKU-1", 3);
    cart.add("SKU-2", 1);
    assertThat(cart.lines())
        .extracting(CartLine::sku, CartLine::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SKU-1", 5),
            org.assertj.core.groups.Tuple.tuple("SKU-2", 1));
  }

  @Test
  void boundsQuantities() {
    Cart cart = Cart.open();
    assertThatThrownBy(() -> cart.add("SKU-1", 0)).hasMessageContaining("between 1 and 99");
    assertThatThrownBy(() -> cart.add("SKU-1", -3)).hasMessageContaining("between 1 and 99");
    assertThatThrownBy(() -> cart.add("SKU-1", 100)).hasMessageContaining("between 1 and 99");
    cart.add("SKU-1", 60);
    assertThatThrownBy(() -> cart.add("SKU-1", 40)).hasMessageContaining("between 1 and 99");
    assertThat(cart.lines().get(0).quantity()).isEqualTo(60);
  }

  @Test
  void zeroQuantityRemovesTheLine() {
    Cart cart = Cart.open();
    cart.add("SKU-1", 2);
    cart.changeQuantity("SKU-1", 0);
    assertThat(cart.lines()).isEmpty();
    assertThatThrownBy(() -> cart.remove("SKU-1")).hasMessageContaining("not in the cart");
  }

  @Test
  void aCheckedOutCartIsClosed() {
    Cart cart = Cart.open();
    assertThatThrownBy(cart::checkOut).hasMessageContaining("empty");
    cart.add("SKU-1", 1);
    cart.checkOut();
    assertThat(cart.isOpen()).isFalse();
    assertThatThrownBy(() -> cart.add("SKU-2", 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(cart::checkOut).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void limitsTheNumberOfLines() {
    Cart cart = Cart.open();
    for (int i = 0; i < Cart.MAX_LINES; i++) {
      cart.add("SKU-" + i, 1);
    }
    assertThatThrownBy(() -> cart.add("SKU-X", 1)).hasMessageContaining("at most");
  }
}
