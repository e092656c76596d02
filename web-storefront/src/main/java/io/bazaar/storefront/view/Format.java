package io.bazaar.storefront.view;

import io.bazaar.persistence.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How pages write money, ratings and times: one place, the same everywhere. */
@Named
@ApplicationScoped
public class Format {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** €12.50: the currency's symbol and the exact amount, never a rounded double. */
  public String money(Money money) {
    if (money == null) {
      return "";
    }
    String symbol = Currency.getInstance(money.getCurrency()).getSymbol(Locale.ENGLISH);
    return symbol + money.getAmount().setScale(2).toPlainString();
  }

  /** An average of stars as five characters, e.g. ★★★★☆ for 3.75. */
  public String stars(Number average) {
    int full = average == null ? 0 : (int) Math.round(average.doubleValue());
    return "★".repeat(full) + "☆".repeat(5 - full);
  }

  /**
   * An image's address for an img tag: the shop's own media (a path) under this application's
   * context path; a media server's or CDN's absolute URL as it is.
   */
  public String image(String url) {
    if (url == null || !url.startsWith("/")) {
      return url;
    }
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + url;
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  public String moment(Instant instant) {
    return instant == null ? "" : MOMENT.format(instant);
  }
}
