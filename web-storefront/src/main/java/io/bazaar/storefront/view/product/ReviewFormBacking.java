package io.bazaar.storefront.view.product;

import io.bazaar.review.boundary.ReviewNotFound;
import io.bazaar.review.boundary.ReviewView;
import io.bazaar.review.boundary.Reviews;
import io.bazaar.review.entity.ReviewDraft;
import io.bazaar.storefront.view.PageMessages;
import io.bazaar.storefront.view.Visitor;
import io.bazaar.storefront.view.account.SignedInCustomer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in customer's own review on the product page (write, edit, withdraw) and their helpful
 * votes on others' reviews. Each action ends in a redirect to the product page, so a reload repeats
 * nothing; writing twice replaces the review (one per customer and product), and a second helpful
 * vote counts once, both enforced by the {@link Reviews} boundary under the product's lock.
 */
@Named
@RequestScoped
public class ReviewFormBacking {

  @Inject Reviews reviews;

  @Inject SignedInCustomer signedIn;

  @Inject Visitor visitor;

  private String slug;
  private String votedReview;

  private Integer rating;
  private String title;
  private String text;

  private Optional<ReviewView> mine;

  /** Stateless views: the product and the voted review travel as plain request parameters. */
  @PostConstruct
  void readFormOfPostback() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    slug = parameters.get("slug");
    votedReview = parameters.get("helpful:vote");
  }

  /**
   * The view action: an existing review fills the form for editing (a postback keeps its input).
   */
  public void load() {
    if (!FacesContext.getCurrentInstance().isPostback()) {
      getMine()
          .ifPresent(
              review -> {
                rating = review.rating();
                title = review.title();
                text = review.text();
              });
    }
  }

  public Optional<ReviewView> getMine() {
    if (mine == null) {
      mine =
          visitor.isSignedIn() && slug != null
              ? reviews.mine(slug, signedIn.accountId())
              : Optional.empty();
    }
    return mine;
  }

  /** Authors cannot vote for their own review, so their review shows no vote button. */
  public boolean isMine(String reviewId) {
    return getMine().map(review -> review.id().equals(reviewId)).orElse(false);
  }

  public String write() {
    if (!signedIn.isSignedIn()) {
      return signInFirst("Sign in to write a review.");
    }
    ReviewDraft draft;
    try {
      if (rating == null) {
        throw new IllegalArgumentException("choose 1 to 5 stars");
      }
      draft = new ReviewDraft(rating, title, text);
    } catch (IllegalArgumentException refused) {
      PageMessages.error(sentence(refused.getMessage()));
      return null;
    }
    try {
      ReviewView written = reviews.write(slug, signedIn.author(), draft).review();
      PageMessages.info(
          "PUBLISHED".equals(written.status())
              ? "Thank you: your review is published."
              : "Thank you: your review will appear once a moderator has read it ("
                  + written.moderationReason()
                  + ").");
    } catch (ReviewNotFound gone) {
      PageMessages.errorOnNextPage("This product is no longer on sale.");
    }
    return productPage();
  }

  public String withdraw() {
    if (!signedIn.isSignedIn()) {
      return signInFirst("Sign in to change your review.");
    }
    try {
      reviews.withdraw(slug, signedIn.accountId());
      PageMessages.info("Your review is withdrawn.");
    } catch (ReviewNotFound gone) {
      PageMessages.errorOnNextPage("There was no review of yours to withdraw.");
    }
    return productPage();
  }

  public String voteHelpful() {
    if (!signedIn.isSignedIn()) {
      return signInFirst("Sign in to mark reviews as helpful.");
    }
    try {
      reviews.voteHelpful(votedReview, signedIn.accountId());
      PageMessages.info("Thank you for your vote.");
    } catch (ReviewNotFound gone) {
      PageMessages.errorOnNextPage("This review is no longer shown.");
    } catch (EJBException refused) {
      // Your own review, or one not published: the boundary refuses with IllegalStateException.
      if (!(refused.getCause() instanceof IllegalStateException notVotable)) {
        throw refused;
      }
      PageMessages.errorOnNextPage(sentence(notVotable.getMessage()));
    }
    return productPage();
  }

  private String productPage() {
    return "/product/index?faces-redirect=true&slug="
        + URLEncoder.encode(slug == null ? "" : slug, StandardCharsets.UTF_8);
  }

  private String signInFirst(String why) {
    PageMessages.errorOnNextPage(why);
    String back = "/product/index.xhtml?slug=" + (slug == null ? "" : slug);
    return "/account/sign-in?faces-redirect=true&returnTo="
        + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  private static String sentence(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }

  public Integer getRating() {
    return rating;
  }

  public void setRating(Integer rating) {
    this.rating = rating;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
