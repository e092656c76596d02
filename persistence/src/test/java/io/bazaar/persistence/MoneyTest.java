package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void normalizesToTheCurrencysMinorUnits() {
    assertThat(Money.of("10.5", "EUR").getAmount()).isEqualTo(new BigDecimal("10.50"));
    assertThat(Money.of("10.5", "EUR")).isEqualTo(Money.of("10.50", "EUR"));
    assertThat(Money.of("1200", "JPY").getAmount()).isEqualTo(new BigDecimal("1200"));
  }

  @Test
  void refusesToRoundSilently() {
    assertThatThrownBy(() -> Money.of("0.001", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more decimals");
  }

  @Test
  void addsAndMultipliesExactly() {
    Money tenCents = Money.of("0.10", "EUR");
    Money sum = Money.zero("EUR");
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(tenCents);
    }
    assertThat(sum).isEqualTo(Money.of("1.00", "EUR"));
    assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
  }

  @Test
  void neverMixesCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR and USD");
  }

  @Test
  void rejectsUnknownCurrenciesAndNonNumbers() {
    assertThatThrownBy(() -> Money.of("1", "XYZ1")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Money.of("ten", "EUR")).hasMessageContaining("not an amount");
  }

  @Test
  void rejectsAmountsBeyondTheStoredPrecision() {
    assertThatThrownBy(() -> Money.of("1000000000000000000", "EUR"))
        .hasMessageContaining("out of range");
  }
}
