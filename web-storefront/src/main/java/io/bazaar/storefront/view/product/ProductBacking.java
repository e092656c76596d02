package io.bazaar.storefront.view.product;

import io.bazaar.cart.boundary.UnknownProduct;
import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.CatalogViews.VariantView;
import io.bazaar.persistence.Page;
import io.bazaar.recommendation.boundary.Recommendations;
import io.bazaar.review.boundary.ReviewView;
import io.bazaar.review.boundary.Reviews;
import io.bazaar.storefront.recommendation.RecentlyViewed;
import io.bazaar.storefront.view.Format;
import io.bazaar.storefront.view.PageMessages;
import io.bazaar.storefront.view.cart.ShoppingCart;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The product page: variants with their own price and availability, the add-to-cart form, the
 * rating and published reviews, and recommendations. The product is read again on every request
 * (the form's postback too), so a price or stock change shows at once and the session stays small.
 */
@Named
@RequestScoped
public class ProductBacking {

  static final int REVIEWS_PER_PAGE = 5;
  static final int RECOMMENDATIONS = 4;

  @Inject Catalog catalog;

  @Inject Reviews reviews;

  @Inject Recommendations recommendations;

  @Inject RecentlyViewed recentlyViewed;

  @Inject ShoppingCart shoppingCart;

  @Inject Format format;

  private String slug;
  private String reviewOrder = "helpful";
  private int reviewPage = 1;

  private String sku;
  private Integer quantity = 1;

  private ProductDetail product;
  private Page<ReviewView> publishedReviews;
  private List<ProductSummary> similar;
  private List<ProductSummary> boughtTogether;

  /**
   * The views are stateless, so a postback rebuilds the page from the request alone: the form
   * carries the slug as a plain request parameter, read here before the component tree decides
   * whether the (conditionally rendered) form takes part in the postback at all.
   */
  @PostConstruct
  void readSlugOfPostback() {
    slug =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("slug");
  }

  /** The view action: 404 for a product that is not on sale; a view is remembered. */
  public void load() {
    if (getProduct() == null) {
      PageMessages.notFound();
      return;
    }
    recentlyViewed.viewed(
        slug,
        (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse());
    if (sku == null) {
      sku =
          product.variants().stream()
              .filter(v -> v.available() > 0)
              .map(VariantView::sku)
              .findFirst()
              .orElse(product.variants().get(0).sku());
    }
  }

  public String addToCart() {
    if (getProduct() == null) {
      PageMessages.error("This product is no longer on sale.");
      return null;
    }
    if (sku == null || product.variants().stream().noneMatch(v -> v.sku().equals(sku))) {
      PageMessages.error("Choose a variant.");
      return null;
    }
    if (quantity == null) {
      PageMessages.error("Enter a quantity.");
      return null;
    }
    try {
      shoppingCart.add(sku, quantity);
    } catch (IllegalArgumentException | IllegalStateException | UnknownProduct refused) {
      PageMessages.error(refused.getMessage());
      return null;
    }
    PageMessages.info(product.name() + " is in your cart.");
    return "/cart/index?faces-redirect=true";
  }

  /** Read once per request, on the first use. */
  public ProductDetail getProduct() {
    if (product == null && slug != null) {
      product = catalog.product(slug).orElse(null);
    }
    return product;
  }

  /** The chosen variant, or the first one. */
  public VariantView getVariant() {
    return product.variants().stream()
        .filter(v -> v.sku().equals(sku))
        .findFirst()
        .orElse(product.variants().get(0));
  }

  /** The variants to choose from: label, price and stock; those sold out cannot be chosen. */
  public List<SelectItem> getVariantChoices() {
    return product.variants().stream()
        .map(
            v ->
                new SelectItem(
                    v.sku(),
                    v.label()
                        + " · "
                        + format.money(v.price())
                        + " · "
                        + (v.available() > 0 ? v.available() + " in stock" : "sold out"),
                    null,
                    v.available() <= 0))
        .toList();
  }

  public boolean isInStock() {
    return product.variants().stream().anyMatch(v -> v.available() > 0);
  }

  public Page<ReviewView> getReviews() {
    if (publishedReviews == null) {
      publishedReviews = reviews.published(slug, reviewSort(), reviewPage - 1, REVIEWS_PER_PAGE);
    }
    return publishedReviews;
  }

  /** An unknown sort in the address falls back to the default rather than failing the page. */
  private Reviews.Order reviewSort() {
    try {
      return Reviews.Order.named(reviewOrder);
    } catch (IllegalArgumentException unknown) {
      reviewOrder = "helpful";
      return Reviews.Order.MOST_HELPFUL;
    }
  }

  public boolean isMoreReviews() {
    return getReviews().page() + 1 < getReviews().totalPages();
  }

  public List<ProductSummary> getSimilar() {
    if (similar == null) {
      similar = recommendations.similar(slug, RECOMMENDATIONS);
    }
    return similar;
  }

  public List<ProductSummary> getBoughtTogether() {
    if (boughtTogether == null) {
      boughtTogether = recommendations.boughtTogether(slug, RECOMMENDATIONS);
    }
    return boughtTogether;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getReviewOrder() {
    return reviewOrder;
  }

  public void setReviewOrder(String reviewOrder) {
    this.reviewOrder = reviewOrder == null ? "helpful" : reviewOrder;
  }

  public int getReviewPage() {
    return reviewPage;
  }

  public void setReviewPage(int reviewPage) {
    this.reviewPage = Math.max(1, reviewPage);
  }

  public String getSku() {
    return sku;
  }

  public void setSku(String sku) {
    this.sku = sku;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public void setQuantity(Integer quantity) {
    this.quantity = quantity;
  }
}
