package io.bazaar.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderConfirmationTest {

  private final OrderConfirmation confirmation =
      new OrderConfirmation(
          "BZ-7K3Q9XWD2M",
          "ada@example.org",
          "Ada <script>alert(1)</script>",
          List.of(new OrderConfirmation.Line("SKU-1", "Mug & \"Saucer\"", 2, "9.50", "19.00")),
          "19.00",
          "EUR",
          "2026-11-22T10:00:00Z");

  @Test
  void htmlEscapesEverythingFromTheOrder() {
    assertThat(confirmation.html())
        .contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Mug &amp; &quot;Saucer&quot;")
        .doesNotContain("<script>");
  }

  @Test
  void textListsLinesAndTotal() {
    assertThat(confirmation.text())
        .contains("2 x Mug & \"Saucer\" (SKU-1)  19.00 EUR")
        .contains("Total: 19.00 EUR");
  }

  @Test
  void messageIdIsStablePerOrder() {
    assertThat(confirmation.messageId()).isEqualTo("<BZ-7K3Q9XWD2M.order-confirmation@bazaar>");
    assertThat(confirmation.subject()).isEqualTo("Your Bazaar order BZ-7K3Q9XWD2M");
  }
}
