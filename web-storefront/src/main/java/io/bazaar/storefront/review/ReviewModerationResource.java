package io.bazaar.storefront.review;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.persistence.Page;
import io.bazaar.review.boundary.ReviewView;
import io.bazaar.review.boundary.Reviews;
import io.bazaar.review.entity.Review;
import io.bazaar.storefront.account.ApiSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Moderators publish or reject reviews. */
@Path("admin/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiSecurity.ADMIN)
public class ReviewModerationResource {

  @Inject Reviews reviews;

  public record Rejection(String reason) {}

  @GET
  @Operation(summary = "Reviews in one moderation state (pending by default), oldest change first")
  public Page<ReviewView> queue(
      @QueryParam("status") @DefaultValue("pending") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return reviews.inState(statusNamed(status), page, size);
  }

  @POST
  @Path("{id}/publication")
  @Operation(summary = "Publish a review; it counts in the product's rating from now on")
  public ReviewView publish(@PathParam("id") String id) {
    return reviews.publish(id);
  }

  @POST
  @Path("{id}/rejection")
  @Operation(summary = "Reject a review with a reason its author sees; it is no longer shown")
  public ReviewView reject(@PathParam("id") String id, Rejection rejection) {
    required(rejection, "a JSON body with the reason");
    return reviews.reject(id, rejection.reason());
  }

  @POST
  @Path("recount")
  @Operation(
      summary = "Recount a product's published reviews into its rating",
      description = "A repair after the document store was restored or a rating update failed.")
  public Response recount(@QueryParam("product") String productSlug) {
    reviews.recount(required(productSlug, "the query parameter product"));
    return Response.noContent().build();
  }

  private static Review.Status statusNamed(String status) {
    try {
      return Review.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("status must be pending, published or rejected");
    }
  }
}
