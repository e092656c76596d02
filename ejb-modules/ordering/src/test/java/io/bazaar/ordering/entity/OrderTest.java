package io.bazaar.ordering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bazaar.persistence.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final ShippingAddress ADDRESS =
      new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "gb");

  @Test
  void totalIsTheExactSumOfTheLines() {
    Order order =
        Order.place(
            OrderNumber.next(),
            "key-1",
            "fp",
            "Ada@Example.org",
            ADDRESS,
            List.of(
                new OrderLine("SKU-1", "Sweater", 3, Money.of("19.99", "EUR")),
                new OrderLine("SKU-2", "Socks", 1, Money.of("0.03", "EUR"))),
            "auth_1");
    assertThat(order.total()).isEqualTo(Money.of("60.00", "EUR"));
    assertThat(order.email()).isEqualTo("ada@example.org");
    assertThat(order.status()).isEqualTo(Order.Status.PLACED);
    assertThat(order.shippingAddress().country()).isEqualTo("GB");
  }

  @Test
  void rejectsEmptyOrdersAndBadAddresses() {
    assertThatThrownBy(
            () -> Order.place("BZ-1", "k", "fp", "a@b.org", ADDRESS, List.of(), "auth_1"))
        .hasMessageContaining("at least one line");
    assertThatThrownBy(() -> Order.normalizeEmail("not-an-address")).hasMessageContaining("e-mail");
    assertThatThrownBy(() -> new ShippingAddress("A", "B", null, "C", "1", "XX"))
        .hasMessageContaining("ISO 3166");
    assertThatThrownBy(() -> new ShippingAddress(" ", "B", null, "C", "1", "DE"))
        .hasMessageContaining("name is required");
  }

  @Test
  void orderNumbersAreRandomAndWellFormed() {
    String first = OrderNumber.next();
    assertThat(OrderNumber.isWellFormed(first)).isTrue();
    assertThat(OrderNumber.next()).isNotEqualTo(first);
    assertThat(OrderNumber.isWellFormed("BZ-ILOU000000")).isFalse();
    assertThat(OrderNumber.isWellFormed("../etc/passwd")).isFalse();
  }
}
