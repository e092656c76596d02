package io.bazaar.storefront.review;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.customer.boundary.Accounts;
import io.bazaar.persistence.Page;
import io.bazaar.review.boundary.ReviewNotFound;
import io.bazaar.review.boundary.ReviewView;
import io.bazaar.review.boundary.Reviews;
import io.bazaar.review.entity.ReviewDraft;
import io.bazaar.storefront.account.ApiSecurity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A product's reviews: anyone reads the published ones; signed-in customers write their own. */
@Path("products/{slug}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewsResource {

  @Inject Reviews reviews;
  @Inject Accounts accounts;
  @Inject JsonWebToken callerToken;

  /** What a customer sends; null stars are refused, not taken as zero. */
  public record ReviewRequest(Integer rating, String title, String text) {}

  @GET
  @Operation(
      summary = "A product's published reviews, paginated",
      description =
          "sort: newest (default), helpful, rating-desc, rating-asc. 404 without product.")
  public Page<ReviewView> published(
      @PathParam("slug") String slug,
      @QueryParam("sort") String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("10") int size) {
    return reviews.published(slug, Reviews.Order.named(sort), page, size);
  }

  @PUT
  @Path("mine")
  @RolesAllowed(ApiSecurity.CUSTOMER)
  @Operation(
      summary = "Write or edit the caller's review of the product",
      description =
          "201 for a first review, 200 for an edit. A review is published at once unless the"
              + " screening holds it for a moderator (status PENDING with the reason). 422 for"
              + " stars outside 1-5, an empty or oversize title (120) or text (5000).")
  public Response write(
      @PathParam("slug") String slug, ReviewRequest request, @Context UriInfo uri) {
    required(request, "a JSON body");
    ReviewDraft draft =
        new ReviewDraft(required(request.rating(), "rating"), request.title(), request.text());
    Reviews.Written written = reviews.write(slug, author(), draft);
    if (written.created()) {
      return Response.created(uri.getAbsolutePath()).entity(written.review()).build();
    }
    return Response.ok(written.review()).build();
  }

  @GET
  @Path("mine")
  @RolesAllowed(ApiSecurity.CUSTOMER)
  @Operation(summary = "The caller's own review of the product, with its moderation state")
  public ReviewView mine(@PathParam("slug") String slug) {
    return reviews
        .mine(slug, callerToken.getSubject())
        .orElseThrow(() -> new ReviewNotFound("you have not reviewed " + slug));
  }

  @DELETE
  @Path("mine")
  @RolesAllowed(ApiSecurity.CUSTOMER)
  @Operation(summary = "Withdraw the caller's review of the product")
  public Response withdraw(@PathParam("slug") String slug) {
    reviews.withdraw(slug, callerToken.getSubject());
    return Response.noContent().build();
  }

  private Reviews.Author author() {
    String accountId = callerToken.getSubject();
    String displayName =
        accounts
            .find(Long.parseLong(accountId))
            .map(account -> account.displayName())
            .orElseThrow(() -> new ReviewNotFound("no account " + accountId));
    return new Reviews.Author(accountId, callerToken.getName(), displayName);
  }
}
