package io.bazaar.catalog;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The catalog part of the shop's API, as a client app declares it. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

  @GET
  @Path("categories")
  Response categories();

  @GET
  @Path("products")
  Response products(
      @QueryParam("category") String category,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size);

  @GET
  @Path("products/{slug}")
  Response product(@PathParam("slug") String slug);
}
