package io.bazaar.storefront.search;

import io.bazaar.catalog.boundary.ProductQuery;
import io.bazaar.catalog.boundary.ProductQuery.PriceRange;
import io.bazaar.catalog.boundary.ProductSearch;
import io.bazaar.catalog.boundary.SearchViews.SearchResult;
import io.bazaar.catalog.boundary.SearchViews.Suggestions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Product search for shoppers: full text, facets, sorting, and suggestions while typing. */
@Path("search")
// One instance for all requests: Jersey created and injected a new one for each (8% of a product
// page's time), and it keeps no state of its own.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @Inject ProductSearch search;

  @GET
  @Operation(
      summary =
          "Products matching the words and facet selections, with facet counts; repeat a facet"
              + " parameter to select several values (any of them matches)")
  public SearchResult search(
      @QueryParam("q") String text,
      @QueryParam("category") List<String> categories,
      @QueryParam("brand") List<String> brands,
      @Parameter(description = "price range such as 25-50, 500- or -25") @QueryParam("price")
          List<String> prices,
      @QueryParam("colour") List<String> colours,
      @Parameter(description = "a variant size such as M or 42 (the facet variantSize)")
          @QueryParam("variantSize")
          List<String> sizes,
      @Parameter(description = "minimum average stars, 1-5") @QueryParam("rating")
          Integer minimumRating,
      @QueryParam("inStock") @DefaultValue("false") boolean inStockOnly,
      @Parameter(description = "relevance, price-asc, price-desc, newest or rating")
          @QueryParam("sort")
          String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @Parameter(description = "results per page, 1-100") @QueryParam("size") @DefaultValue("20")
          int size) {
    return search.search(
        new ProductQuery(
            text,
            new HashSet<>(categories),
            new HashSet<>(brands),
            prices.stream().map(PriceRange::parse).toList(),
            new HashSet<>(colours),
            new HashSet<>(sizes),
            minimumRating,
            inStockOnly,
            ProductQuery.Sort.parse(sort),
            page,
            size));
  }

  @GET
  @Path("suggest")
  @Operation(summary = "Products, brands and categories for what the shopper has typed so far")
  public Suggestions suggest(
      @QueryParam("q") String prefix, @QueryParam("limit") @DefaultValue("8") int limit) {
    return search.suggest(prefix, limit);
  }
}
