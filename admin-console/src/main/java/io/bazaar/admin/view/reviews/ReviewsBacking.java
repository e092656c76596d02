package io.bazaar.admin.view.reviews;

import io.bazaar.admin.security.CurrentAdmin;
import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.storefront.StorefrontRefused;
import io.bazaar.admin.view.PagedList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review moderation queue: reviews in one state (pending first), a page at a time, with a
 * publish and a reject (with a reason) per review.
 *
 * <p>The decision names its review by id in the submitted form, never by its row: should the list
 * change between showing and clicking (another moderator), the decision still lands on the review
 * the moderator read.
 */
@Named
@RequestScoped
public class ReviewsBacking extends PagedList {

  public static final int PAGE_SIZE = 20;
  private static final Set<String> STATES = Set.of("pending", "published", "rejected");

  @Inject ShopReviews shopReviews;
  @Inject CurrentAdmin currentAdmin;
  @Inject FacesContext faces;

  private String status;

  @PostConstruct
  void readRequest() {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    String requested = parameters.get("status");
    // Set.of(...).contains(null) throws: a missing state is the default, not a failure.
    status = requested != null && STATES.contains(requested) ? requested : "pending";
    readPage(parameters);
  }

  public void publish() {
    decide(
        id -> shopReviews.publish(bearer(), id),
        review -> "Published “" + review.getString("title") + "”.");
  }

  public void reject() {
    String reason = faces.getExternalContext().getRequestParameterMap().get("reason");
    decide(
        id -> shopReviews.reject(bearer(), id, reason),
        review -> "Rejected “" + review.getString("title") + "”: " + reason.strip());
  }

  private void decide(
      java.util.function.Function<String, JsonObject> decision,
      java.util.function.Function<JsonObject, String> confirmation) {
    String id = faces.getExternalContext().getRequestParameterMap().get("reviewId");
    try {
      JsonObject review = decision.apply(id);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, confirmation.apply(review), null));
    } catch (StorefrontRefused refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
    reload();
  }

  private String bearer() {
    return currentAdmin.bearer();
  }

  @Override
  protected Listing load(int page) {
    return shopReviews.inState(bearer(), status, page, PAGE_SIZE);
  }

  public List<JsonObject> getReviews() {
    return items();
  }

  public String getStatus() {
    return status;
  }

  /** "★★★★☆" for four stars: what a moderator reads at a glance. */
  public String stars(int rating) {
    return "★".repeat(rating) + "☆".repeat(5 - rating);
  }
}
