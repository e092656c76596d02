package io.bazaar.recommendation.boundary;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.SimilarProducts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What to show beside a product: what others bought with it, and products like it. */
@Stateless
public class Recommendations {

  public static final int MAX_LIMIT = 20;

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject Catalog catalog;

  @Inject SimilarProducts similarProducts;

  /**
   * Products most often in the same orders as this one, most orders first (the more recent first
   * among equals); only products still on sale.
   */
  public List<ProductSummary> boughtTogether(String productSlug, int limit) {
    requireProductOnSale(productSlug);
    requireLimit(limit);
    // A few more than asked, so that products no longer on sale can be dropped and still fill it.
    List<String> others =
        em.createQuery(
                "select b.otherSlug from BoughtTogether b where b.productSlug = :product"
                    + " order by b.orders desc, b.lastBoughtAt desc, b.otherSlug",
                String.class)
            .setParameter("product", productSlug)
            .setMaxResults(limit * 2)
            .getResultList();
    return catalog.summaries(others).stream().limit(limit).toList();
  }

  /** Products on sale most like this one in name, category, brand and attributes. */
  public List<ProductSummary> similar(String productSlug, int limit) {
    requireProductOnSale(productSlug);
    requireLimit(limit);
    return similarProducts.similarTo(productSlug, limit);
  }

  /** Products on sale of these, in this order: what a shopper looked at recently. */
  public List<ProductSummary> onSale(List<String> productSlugs) {
    return catalog.summaries(productSlugs);
  }

  private void requireProductOnSale(String productSlug) {
    if (productSlug == null || !catalog.isOnSale(productSlug)) {
      throw new UnknownProductToRecommend(productSlug);
    }
  }

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
