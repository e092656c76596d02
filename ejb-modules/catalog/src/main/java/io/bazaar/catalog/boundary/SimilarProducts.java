package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.entity.Product;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;

/**
 * Products like a given one, by content: the search index ranks the products on sale by how much of
 * its name, category, attributes and brand they share (a more-like-this query built from the
 * product's own indexed text), so it works the same on Lucene and OpenSearch.
 */
@Stateless
public class SimilarProducts {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public List<ProductSummary> similarTo(String slug, int limit) {
    Product product =
        em.createQuery("select p from Product p where p.slug = :slug", Product.class)
            .setParameter("slug", slug)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no product " + slug));
    return Search.session(em)
        .search(Product.class)
        .where(
            f ->
                f.bool()
                    .filter(f.match().field("status").matching(Product.Status.ACTIVE))
                    .mustNot(f.id().matching(product.id()))
                    .should(f.match().field("name").matching(product.name()).boost(3.0f))
                    .should(
                        f.match()
                            .field("categories")
                            .matching(product.category().slug())
                            .boost(4.0f))
                    .should(f.terms().field("categories").matchingAny(product.getCategorySlugs()))
                    .should(f.match().field("keywords").matching(product.getKeywords()))
                    .should(
                        f.match().field("brand.slug").matching(product.brand().slug()).boost(0.5f))
                    .minimumShouldMatchNumber(1))
        .sort(f -> f.score().then().field("nameSort"))
        .fetchHits(limit)
        .stream()
        .map(ProductSummary::of)
        .toList();
  }
}
