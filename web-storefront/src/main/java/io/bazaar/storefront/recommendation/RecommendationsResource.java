package io.bazaar.storefront.recommendation;

import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.recommendation.boundary.Recommendations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Recommendations beside a product, and the shopper's recently viewed products. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {

  @Inject Recommendations recommendations;
  @Inject RecentlyViewed recentlyViewed;

  @GET
  @Path("products/{slug}/bought-together")
  @Operation(summary = "Products most often bought in the same orders as this one (limit 1-20)")
  public List<ProductSummary> boughtTogether(
      @PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("6") int limit) {
    return recommendations.boughtTogether(slug, limit);
  }

  @GET
  @Path("products/{slug}/similar")
  @Operation(summary = "Products most like this one in name, category and attributes (limit 1-20)")
  public List<ProductSummary> similar(
      @PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("6") int limit) {
    return recommendations.similar(slug, limit);
  }

  @GET
  @Path("recently-viewed")
  @Operation(
      summary = "Products whose detail this browser viewed, most recent first (at most 20)",
      description =
          "The browser is known by the bazaar-recently-viewed cookie that the product detail"
              + " sets; products no longer on sale are left out.")
  public List<ProductSummary> recentlyViewed() {
    return recommendations.onSale(recentlyViewed.productSlugs());
  }
}
