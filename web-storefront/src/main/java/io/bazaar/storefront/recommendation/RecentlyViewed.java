package io.bazaar.storefront.recommendation;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The products a shopper looked at in this session, most recent first, without repeats. Held in the
 * HTTP session, which a cluster replicates, so it follows the shopper from member to member.
 */
@SessionScoped
public class RecentlyViewed implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Enough for a strip of thumbnails; older views drop off. */
  public static final int MAX_PRODUCTS = 20;

  private final Deque<String> productSlugs = new ArrayDeque<>();

  public synchronized void viewed(String productSlug) {
    productSlugs.remove(productSlug);
    productSlugs.addFirst(productSlug);
    while (productSlugs.size() > MAX_PRODUCTS) {
      productSlugs.removeLast();
    }
  }

  public synchronized List<String> productSlugs() {
    return List.copyOf(productSlugs);
  }
}
