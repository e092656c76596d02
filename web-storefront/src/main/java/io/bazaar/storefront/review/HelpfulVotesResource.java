package io.bazaar.storefront.review;

import io.bazaar.review.boundary.ReviewView;
import io.bazaar.review.boundary.Reviews;
import io.bazaar.storefront.account.ApiSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Customers mark reviews helpful, once each. */
@Path("reviews/{id}/helpful-votes/mine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HelpfulVotesResource {

  @Inject Reviews reviews;
  @Inject JsonWebToken callerToken;

  @PUT
  @RolesAllowed(ApiSecurity.CUSTOMER)
  @Operation(
      summary = "Mark a published review helpful; repeating it changes nothing",
      description = "200 with the review and its count; 409 for one's own or an unpublished review")
  public ReviewView vote(@PathParam("id") String reviewId) {
    return reviews.voteHelpful(reviewId, callerToken.getSubject());
  }
}
