package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import io.bazaar.catalog.boundary.CatalogViews.ImageView;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.RatingView;
import io.bazaar.catalog.boundary.CatalogViews.VariantView;
import io.bazaar.catalog.entity.Product;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.jpa.HibernateHints;

/**
 * Loads a product's detail for the detail cache, in a transaction of its own: always a new one, so
 * that the read-only product it loads never joins a caller's persistence context, where a change to
 * it would not be written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProductDetailLoader {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  /**
   * The detail as the catalog holds it, or null; its availability is filled in by the reader. The
   * product is read only (nothing here changes it), so Hibernate keeps no copy of its state, or of
   * its variants', brand's and categories', to compare with at commit.
   */
  public ProductDetail load(String slug) {
    return em.createNamedQuery(Product.WITH_VARIANTS_BY_SLUG, Product.class)
        .setParameter("slug", slug)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultStream()
        .filter(Product::isPurchasable)
        .findFirst()
        .map(ProductDetailLoader::detailOf)
        .orElse(null);
  }

  private static ProductDetail detailOf(Product product) {
    // Availability is not part of the cached detail: the reader fills it in (withAvailability).
    return new ProductDetail(
        product.slug(),
        product.name(),
        BrandRef.of(product.brand()),
        product.description(),
        product.status().name(),
        product.category().path().stream().map(CategoryRef::of).toList(),
        product.attributes(),
        product.images().stream().map(ImageView::of).toList(),
        RatingView.of(product),
        product.variants().stream()
            .map(v -> new VariantView(v.sku(), v.label(), v.price(), v.attributes(), 0))
            .toList());
  }
}
