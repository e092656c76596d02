package io.bazaar.persistence;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbNumberFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Immutable; the scale always equals the currency's minor units,
 * so 10.5 EUR is stored and compared as 10.50 EUR. Arithmetic never mixes currencies and never
 * rounds silently: an amount with more decimals than the currency allows is rejected.
 *
 * <p>In JSON the amount is a string ("12.34") so that no client parses it into a binary float.
 */
@Embeddable
public class Money implements Serializable, Comparable<Money> {

  private static final long serialVersionUID = 1L;

  /** The largest amount Bazaar handles: NUMERIC(19,2) in every schema. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

  @Column(name = "amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  protected Money() {
    // for JPA
  }

  private Money(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int minorUnits = Math.max(currency.getDefaultFractionDigits(), 0);
    BigDecimal normalized;
    try {
      normalized = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException tooPrecise) {
      throw new IllegalArgumentException(
          amount.toPlainString() + " has more decimals than " + currency + " allows");
    }
    if (normalized.abs().compareTo(MAX_AMOUNT) > 0) {
      throw new IllegalArgumentException(amount.toPlainString() + " is out of range");
    }
    this.amount = normalized;
    this.currency = currency.getCurrencyCode();
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currencyOf(currencyCode));
  }

  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    try {
      return of(new BigDecimal(amount), currencyCode);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("'" + amount + "' is not an amount");
    }
  }

  @JsonbCreator
  public static Money fromJson(
      @JsonbProperty("amount") String amount, @JsonbProperty("currency") String currency) {
    return of(amount, currency);
  }

  public static Money zero(String currencyCode) {
    return of(BigDecimal.ZERO, currencyCode);
  }

  private static Currency currencyOf(String code) {
    Objects.requireNonNull(code, "currency");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency");
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currencyOf(currency));
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currencyOf(currency));
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currencyOf(currency));
  }

  @JsonbTransient
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @JsonbTransient
  public boolean isZero() {
    return amount.signum() == 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
    }
  }

  @JsonbNumberFormat("0.00")
  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && amount.compareTo(other.amount) == 0
        && currency.equals(other.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
