package io.bazaar.admin.view.products;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The storefront's product administration API, on behalf of the signed-in admin. */
@Path("admin/products")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public interface ProductAdministrationClient {

  @GET
  Response products(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("q") String text,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("{slug}")
  Response product(@HeaderParam("Authorization") String bearer, @PathParam("slug") String slug);

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response edit(
      @HeaderParam("Authorization") String bearer, @PathParam("slug") String slug, JsonObject edit);
}
