package io.bazaar.storefront.catalog;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.CategoryView;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.persistence.Page;
import io.bazaar.storefront.recommendation.RecentlyViewed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("")
// One instance for all requests: Jersey created and injected a new one for each (8% of a product
// page's time), and it keeps no state of its own.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  @Inject Catalog catalog;
  @Inject RecentlyViewed recentlyViewed;

  @GET
  @Path("categories")
  @Operation(summary = "The category tree with the number of products in each category")
  public List<CategoryView> categories() {
    return catalog.categories();
  }

  @GET
  @Path("products")
  @Operation(summary = "Products for sale, optionally of one category, newest first, paginated")
  public Page<ProductSummary> products(
      @QueryParam("category") String category,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (category != null && !catalog.categoryExists(category)) {
      throw new NotFoundException("no category " + category);
    }
    return catalog.products(category, page, size);
  }

  @GET
  @Path("products/{slug}")
  @Operation(
      summary = "A product with its variants, prices, availability and rating",
      description =
          "Also puts it first in the browser's recently viewed products (a cookie of the"
              + " client's; see GET /recently-viewed).")
  public ProductDetail product(
      @PathParam("slug") String slug, @Context HttpServletResponse response) {
    ProductDetail product =
        catalog.product(slug).orElseThrow(() -> new NotFoundException("no product " + slug));
    recentlyViewed.viewed(product.slug(), response);
    return product;
  }
}
