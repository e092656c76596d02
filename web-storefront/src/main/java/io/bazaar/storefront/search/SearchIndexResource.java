package io.bazaar.storefront.search;

import io.bazaar.catalog.boundary.SearchIndex;
import io.bazaar.catalog.boundary.SearchIndex.Reindexing;
import io.bazaar.storefront.account.ApiSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators rebuild the search index here and follow its progress. */
@Path("admin/search/reindexing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiSecurity.ADMIN)
public class SearchIndexResource {

  @Inject SearchIndex index;

  @POST
  @Operation(
      summary =
          "Starts rebuilding the product index from the database (or answers the rebuild already"
              + " running); 202 with the rebuild's address",
      description =
          "method: replace_in_place (the default over an index with documents: searches keep"
              + " finding every product meanwhile) or build_from_empty (the default over an empty"
              + " index: empties it first, faster; searches miss products until the rebuild ends)")
  public Response start(@QueryParam("method") String method, @Context UriInfo uri) {
    Reindexing reindexing =
        method == null || method.isBlank() ? index.start() : index.start(methodNamed(method));
    return Response.accepted(reindexing)
        .location(uri.getAbsolutePathBuilder().path(reindexing.id()).build())
        .build();
  }

  private static SearchIndex.Method methodNamed(String method) {
    try {
      return SearchIndex.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("method must be replace_in_place or build_from_empty");
    }
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Progress of a rebuild: method, state, products indexed of the total, percent")
  public Reindexing progress(@PathParam("id") String id) {
    return index.reindexing(id).orElseThrow(() -> new NotFoundException("no reindexing " + id));
  }
}
