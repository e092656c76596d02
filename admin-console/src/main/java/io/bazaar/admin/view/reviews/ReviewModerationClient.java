package io.bazaar.admin.view.reviews;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The storefront's review moderation API, through the MicroProfile Rest Client, on behalf of the
 * signed-in admin (their bearer token). Answers {@link Response}s so that the page can show the
 * API's problem detail instead of a generic failure.
 */
@Path("admin/reviews")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public interface ReviewModerationClient {

  @GET
  Response inState(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @POST
  @Path("{id}/publication")
  Response publish(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @POST
  @Path("{id}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  Response reject(
      @HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonObject reason);
}
