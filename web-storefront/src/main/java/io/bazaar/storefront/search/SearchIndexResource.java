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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
              + " running); 202 with the rebuild's address")
  public Response start(@Context UriInfo uri) {
    Reindexing reindexing = index.start();
    return Response.accepted(reindexing)
        .location(uri.getAbsolutePathBuilder().path(reindexing.id()).build())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Progress of a rebuild: state, products indexed of the total, percent")
  public Reindexing progress(@PathParam("id") String id) {
    return index.reindexing(id).orElseThrow(() -> new NotFoundException("no reindexing " + id));
  }
}
