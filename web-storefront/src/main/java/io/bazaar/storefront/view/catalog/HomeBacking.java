package io.bazaar.storefront.view.catalog;

import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.ProductQuery;
import io.bazaar.catalog.boundary.ProductSearch;
import io.bazaar.recommendation.boundary.Recommendations;
import io.bazaar.storefront.recommendation.RecentlyViewed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/** The home page: the best-rated products in stock, the newest, and what this shopper looked at. */
@Named
@RequestScoped
public class HomeBacking {

  static final int SHELF_SIZE = 8;

  @Inject ProductSearch search;

  @Inject Recommendations recommendations;

  @Inject RecentlyViewed recentlyViewed;

  private List<ProductSummary> topRated;

  /** Only products with reviews: a shelf of unrated products sorted by rating would say nothing. */
  public List<ProductSummary> getTopRated() {
    if (topRated == null) {
      topRated = shelf(ProductQuery.Sort.RATING, 1);
    }
    return topRated;
  }

  public List<ProductSummary> getNewest() {
    return shelf(ProductQuery.Sort.NEWEST, null);
  }

  public List<ProductSummary> getRecentlyViewed() {
    List<String> slugs = recentlyViewed.productSlugs();
    return slugs.isEmpty()
        ? List.of()
        : recommendations.onSale(slugs.subList(0, Math.min(SHELF_SIZE, slugs.size())));
  }

  private List<ProductSummary> shelf(ProductQuery.Sort sort, Integer minimumRating) {
    return search
        .search(
            new ProductQuery(
                "",
                Set.of(),
                Set.of(),
                List.of(),
                Set.of(),
                Set.of(),
                null,
                true,
                sort,
                0,
                SHELF_SIZE))
        .products()
        .items();
  }
}
