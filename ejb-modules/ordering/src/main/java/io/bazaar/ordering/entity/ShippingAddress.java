package io.bazaar.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Set;

/** Where an order goes. Validated on creation; an order never holds an incomplete address. */
@Embeddable
public class ShippingAddress {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Column(name = "ship_name", nullable = false, length = 120)
  private String name;

  @Column(name = "ship_line1", nullable = false, length = 200)
  private String line1;

  @Column(name = "ship_line2", length = 200)
  private String line2;

  @Column(name = "ship_city", nullable = false, length = 120)
  private String city;

  @Column(name = "ship_postal_code", nullable = false, length = 20)
  private String postalCode;

  @Column(name = "ship_country", nullable = false, length = 2)
  private String country;

  protected ShippingAddress() {}

  public ShippingAddress(
      String name, String line1, String line2, String city, String postalCode, String country) {
    this.name = required("name", name, 120);
    this.line1 = required("line1", line1, 200);
    this.line2 = line2 == null || line2.isBlank() ? null : required("line2", line2, 200);
    this.city = required("city", city, 120);
    this.postalCode = required("postalCode", postalCode, 20);
    String code = required("country", country, 2).toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new IllegalArgumentException("country must be an ISO 3166 two-letter code");
    }
    this.country = code;
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("shipping address " + field + " is required");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException(
          "shipping address " + field + " is longer than " + max + " characters");
    }
    return stripped;
  }

  public String name() {
    return name;
  }

  public String line1() {
    return line1;
  }

  public String line2() {
    return line2;
  }

  public String city() {
    return city;
  }

  public String postalCode() {
    return postalCode;
  }

  public String country() {
    return country;
  }
}
