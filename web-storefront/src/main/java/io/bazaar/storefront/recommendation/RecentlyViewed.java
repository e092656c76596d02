package io.bazaar.storefront.recommendation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The products a shopper looked at in this browser, most recent first, without repeats.
 *
 * <p>Kept in a cookie of the shopper's, not in the HTTP session: a client that keeps no cookies (a
 * crawler, a price comparison robot) would otherwise start a new session with every product it
 * reads, and each of those sessions would be handed to the cluster's data grid and held there until
 * it timed out. The cookie also needs no replication: every member reads it from the request. It
 * holds only product slugs; what it says is checked like any input, and products no longer on sale
 * are left out when the list is shown.
 */
@RequestScoped
public class RecentlyViewed {

  /** Enough for a strip of thumbnails; older views drop off. */
  public static final int MAX_PRODUCTS = 20;

  static final String COOKIE = "bazaar-recently-viewed";

  /** Well below the 4 KB that browsers keep per cookie, even with 20 long slugs. */
  private static final int MAX_COOKIE_LENGTH = 3000;

  private static final Duration KEPT_FOR = Duration.ofDays(30);
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Slugs never contain a dot, and a dot needs no quoting in a cookie value. */
  private static final String SEPARATOR = ".";

  @Inject HttpServletRequest request;

  /** Puts the product first in the list and sends the list back to the browser. */
  public void viewed(String productSlug, HttpServletResponse response) {
    List<String> products = new ArrayList<>(MAX_PRODUCTS);
    products.add(productSlug);
    int length = productSlug.length();
    for (String earlier : productSlugs()) {
      if (products.size() == MAX_PRODUCTS || length + 1 + earlier.length() > MAX_COOKIE_LENGTH) {
        break;
      }
      if (!earlier.equals(productSlug)) {
        products.add(earlier);
        length += 1 + earlier.length();
      }
    }
    Cookie cookie = new Cookie(COOKIE, String.join(SEPARATOR, products));
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge((int) KEPT_FOR.toSeconds());
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** The slugs the browser sent, most recent first; anything that is not a slug is ignored. */
  public List<String> productSlugs() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return List.of();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue() != null)
        .findFirst()
        .map(cookie -> Arrays.asList(cookie.getValue().split(Pattern.quote(SEPARATOR))))
        .orElse(List.of())
        .stream()
        .filter(slug -> slug.length() <= 160 && SLUG.matcher(slug).matches())
        .distinct()
        .limit(MAX_PRODUCTS)
        .toList();
  }
}
