package io.bazaar.storefront.recommendation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The products a shopper looked at in this session, most recent first, without repeats, kept in the
 * HTTP session. A cluster replicates a session when an attribute is set, not when an object already
 * in it changes: each view therefore sets a new list, so the shopper keeps it on any member.
 */
@RequestScoped
public class RecentlyViewed {

  /** Enough for a strip of thumbnails; older views drop off. */
  public static final int MAX_PRODUCTS = 20;

  private static final String ATTRIBUTE = "bazaar.recently-viewed";

  @Inject HttpServletRequest request;

  public void viewed(String productSlug) {
    HttpSession session = request.getSession(true);
    List<String> products = new ArrayList<>(MAX_PRODUCTS + 1);
    products.add(productSlug);
    for (String earlier : productSlugs(session)) {
      if (!earlier.equals(productSlug) && products.size() < MAX_PRODUCTS) {
        products.add(earlier);
      }
    }
    // An ArrayList: serializable, as a replicated attribute must be.
    session.setAttribute(ATTRIBUTE, products);
  }

  public List<String> productSlugs() {
    return productSlugs(request.getSession(false));
  }

  @SuppressWarnings("unchecked")
  private static List<String> productSlugs(HttpSession session) {
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof List<?> products)) {
      return List.of();
    }
    return List.copyOf((List<String>) products);
  }
}
