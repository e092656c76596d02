package io.bazaar.review.boundary;

import static org.eclipse.jnosql.communication.semistructured.CriteriaCondition.and;
import static org.eclipse.jnosql.communication.semistructured.CriteriaCondition.eq;

import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.ReviewedProduct;
import io.bazaar.ordering.boundary.Orders;
import io.bazaar.persistence.Page;
import io.bazaar.review.control.DemoReviewWriter.DemoReview;
import io.bazaar.review.control.ReviewScreening;
import io.bazaar.review.entity.HelpfulVote;
import io.bazaar.review.entity.Review;
import io.bazaar.review.entity.ReviewDraft;
import io.bazaar.review.entity.ScreeningVerdict;
import jakarta.data.Sort;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Customers' reviews of products, their moderation and helpful votes, and the rating figures they
 * add up to.
 *
 * <p>Every change takes the product's lock in the catalog first ({@link Catalog#lockForReviews}),
 * so changes to one product's reviews are serialized: the review document is read and written, the
 * published reviews are recounted and the product's rating is set, all under that lock, and two
 * concurrent reviews can neither lose one another nor leave the rating without one of them. The
 * document store is not transactional: should the rating update then fail, the review is stored and
 * the next change to the product's reviews (or {@link #recount}) brings the rating up to date.
 */
@Stateless
public class Reviews {

  private static final String REVIEWS = "reviews";
  private static final String VOTES = "review_votes";

  @Inject DocumentTemplate documents;
  @Inject Catalog catalog;
  @Inject Orders orders;
  @Inject ReviewScreening screening;

  /** Who writes or votes: the signed-in account. */
  public record Author(String accountId, String email, String displayName) {}

  /** The review after writing it, and whether it is the author's first review of the product. */
  public record Written(ReviewView review, boolean created) {}

  /** The orders a product's reviews can be listed in. */
  public enum Order {
    NEWEST(Sort.desc("createdAt")),
    MOST_HELPFUL(Sort.desc("helpfulVotes"), Sort.desc("createdAt")),
    HIGHEST_RATED(Sort.desc("rating"), Sort.desc("createdAt")),
    LOWEST_RATED(Sort.asc("rating"), Sort.desc("createdAt"));

    private final List<Sort<?>> sorts;

    Order(Sort<?>... sorts) {
      List<Sort<?>> all = new ArrayList<>(List.of(sorts));
      all.add(Sort.asc("_id"));
      this.sorts = List.copyOf(all);
    }

    public static Order named(String name) {
      if (name == null || name.isBlank()) {
        return NEWEST;
      }
      return switch (name) {
        case "newest" -> NEWEST;
        case "helpful" -> MOST_HELPFUL;
        case "rating-desc" -> HIGHEST_RATED;
        case "rating-asc" -> LOWEST_RATED;
        default ->
            throw new IllegalArgumentException(
                "sort must be one of newest, helpful, rating-desc, rating-asc");
      };
    }
  }

  /**
   * Writes the author's review of a product, or replaces their earlier one. Verified purchase means
   * an order with the author's e-mail address contains one of the product's variants.
   */
  public Written write(String productSlug, Author author, ReviewDraft draft) {
    ReviewedProduct product = lockedProduct(productSlug);
    boolean verified = orders.hasBought(author.email(), product.skus());
    Instant now = Instant.now();
    Optional<Review> earlier =
        documents.find(Review.class, Review.idOf(product.slug(), author.accountId()));
    Review review;
    if (earlier.isPresent()) {
      review = earlier.get();
      review.revise(author.displayName(), draft, verified, screening.screen(draft), now);
      documents.update(review);
    } else {
      review =
          Review.write(
              product.slug(),
              author.accountId(),
              author.displayName(),
              draft,
              verified,
              screening.screen(draft),
              now);
      documents.insert(review);
    }
    rate(product.slug());
    return new Written(ReviewView.of(review), earlier.isEmpty());
  }

  /** The author's own review of a product, in whatever state it is. */
  public Optional<ReviewView> mine(String productSlug, String accountId) {
    return documents.find(Review.class, Review.idOf(productSlug, accountId)).map(ReviewView::of);
  }

  /** Deletes the author's review of a product, and its votes. */
  public void withdraw(String productSlug, String accountId) {
    ReviewedProduct product = lockedProduct(productSlug);
    String id = Review.idOf(product.slug(), accountId);
    if (documents.find(Review.class, id).isEmpty()) {
      throw new ReviewNotFound("you have not reviewed " + productSlug);
    }
    documents.delete(HelpfulVote.class).where("reviewId").eq(id).execute();
    documents.delete(Review.class, id);
    rate(product.slug());
  }

  /** A product's published reviews. */
  public Page<ReviewView> published(String productSlug, Order order, int page, int size) {
    Page.requireValid(page, size);
    if (!catalog.isOnSale(productSlug)) {
      throw new ReviewNotFound("no product " + productSlug);
    }
    return page(
        and(eq("productSlug", productSlug), eq("status", Review.Status.PUBLISHED.name())),
        order.sorts,
        page,
        size);
  }

  /**
   * Records that a customer found a review helpful. A second vote by the same customer changes
   * nothing and answers the same count.
   */
  public ReviewView voteHelpful(String reviewId, String voterId) {
    Review review = lockedReview(reviewId);
    review.requireVotableBy(voterId);
    String voteId = HelpfulVote.idOf(reviewId, voterId);
    if (documents.find(HelpfulVote.class, voteId).isEmpty()) {
      documents.insert(HelpfulVote.cast(reviewId, voterId, Instant.now()));
    }
    review.countHelpfulVotes(documents.count(query(VOTES, eq("reviewId", reviewId))));
    documents.update(review);
    return ReviewView.of(review);
  }

  /** Reviews in one moderation state, oldest change first: a moderator's queue. */
  public Page<ReviewView> inState(Review.Status status, int page, int size) {
    Page.requireValid(page, size);
    return page(
        eq("status", status.name()), List.of(Sort.asc("updatedAt"), Sort.asc("_id")), page, size);
  }

  public ReviewView publish(String reviewId) {
    return moderate(reviewId, review -> review.publish(Instant.now()));
  }

  public ReviewView reject(String reviewId, String reason) {
    return moderate(reviewId, review -> review.reject(reason, Instant.now()));
  }

  /**
   * Stores reviews written elsewhere (the demo catalog's) as published, unverified, dated as given,
   * and sets the product's rating; under the product's lock, as every change. An author who already
   * reviewed the product keeps their review.
   *
   * @return how many reviews were stored
   */
  public int importPublished(String productSlug, List<DemoReview> reviews, Instant loadedAt) {
    ReviewedProduct product = lockedProduct(productSlug);
    int stored = 0;
    int[] storedByStars = new int[5];
    for (DemoReview imported : reviews) {
      if (documents
          .find(Review.class, Review.idOf(product.slug(), imported.authorId()))
          .isPresent()) {
        continue;
      }
      Instant writtenAt = loadedAt.minus(Duration.ofDays(imported.daysAgo()));
      documents.insert(
          Review.write(
              product.slug(),
              imported.authorId(),
              imported.authorName(),
              imported.draft(),
              false,
              ScreeningVerdict.publishNow(),
              writtenAt));
      stored++;
      storedByStars[imported.draft().rating() - 1]++;
    }
    if (product.publishedReviews() == 0 && stored == reviews.size()) {
      // Nothing was published before and every review is new, so these are all the figures.
      // Counting them back would cost five queries, each a scan of the whole collection on the
      // embedded document store: the first start's demo reviews spent most of their time there.
      catalog.rate(product.slug(), Arrays.stream(storedByStars).boxed().toList());
    } else {
      rate(product.slug());
    }
    return stored;
  }

  /** Recounts a product's published reviews into its rating, to repair it after a failure. */
  public void recount(String productSlug) {
    rate(lockedProduct(productSlug).slug());
  }

  private ReviewView moderate(String reviewId, java.util.function.Consumer<Review> decision) {
    Review review = lockedReview(reviewId);
    decision.accept(review);
    documents.update(review);
    rate(review.productSlug());
    return ReviewView.of(review);
  }

  private ReviewedProduct lockedProduct(String productSlug) {
    if (productSlug == null || productSlug.isBlank()) {
      throw new ReviewNotFound("no product given");
    }
    return catalog
        .lockForReviews(productSlug)
        .orElseThrow(() -> new ReviewNotFound("no product " + productSlug + " on sale"));
  }

  /**
   * The review as it is once its product's lock is held: read once to learn the product, and again
   * under the lock, so that a change committed meanwhile is not overwritten.
   */
  private Review lockedReview(String reviewId) {
    lockedProduct(existing(reviewId).productSlug());
    return existing(reviewId);
  }

  private Review existing(String reviewId) {
    return Optional.ofNullable(reviewId)
        .flatMap(id -> documents.find(Review.class, id))
        .orElseThrow(() -> new ReviewNotFound("no review " + reviewId));
  }

  /** Counts the product's published reviews by stars, under the product's lock, for its rating. */
  private void rate(String productSlug) {
    List<Integer> byStars = new ArrayList<>();
    for (int stars = 1; stars <= 5; stars++) {
      long count =
          documents.count(
              query(
                  REVIEWS,
                  and(
                      eq("productSlug", productSlug),
                      eq("status", Review.Status.PUBLISHED.name()),
                      eq("rating", stars))));
      byStars.add(Math.toIntExact(count));
    }
    catalog.rate(productSlug, byStars);
  }

  private Page<ReviewView> page(
      CriteriaCondition condition, List<Sort<?>> sorts, int page, int size) {
    long total = documents.count(query(REVIEWS, condition));
    SelectQuery select =
        SelectQuery.builder()
            .from(REVIEWS)
            .where(condition)
            .sort(sorts.toArray(Sort<?>[]::new))
            .skip(Page.firstResult(page, size))
            .limit(size)
            .build();
    List<ReviewView> items = documents.<Review>select(select).map(ReviewView::of).toList();
    return new Page<>(items, page, size, total);
  }

  private static SelectQuery query(String collection, CriteriaCondition condition) {
    return SelectQuery.builder().from(collection).where(condition).build();
  }
}
