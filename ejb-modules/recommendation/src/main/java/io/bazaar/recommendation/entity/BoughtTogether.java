package io.bazaar.recommendation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How many orders contained both a product and another one. Kept for both orders of each pair, so
 * that "bought with this product" reads one product's rows.
 */
@Entity
@Table(name = "bought_together")
@IdClass(BoughtTogether.Key.class)
public class BoughtTogether {

  /**
   * An order with more distinct products than this counts its first ones only (in slug order): the
   * pairs grow with the square of the products, and a bulk order says little about what goes
   * together.
   */
  public static final int MAX_PRODUCTS_PER_ORDER = 20;

  @Id
  @Column(name = "product_slug")
  private String productSlug;

  @Id
  @Column(name = "other_slug")
  private String otherSlug;

  @Column(nullable = false)
  private int orders;

  @Column(name = "last_bought_at", nullable = false)
  private Instant lastBoughtAt;

  protected BoughtTogether() {}

  /** One product bought with another, as counted rows are keyed. */
  public record Pair(String productSlug, String otherSlug) implements Comparable<Pair> {
    public Pair {
      Objects.requireNonNull(productSlug, "productSlug");
      Objects.requireNonNull(otherSlug, "otherSlug");
      if (productSlug.equals(otherSlug)) {
        throw new IllegalArgumentException("a product is not bought together with itself");
      }
    }

    @Override
    public int compareTo(Pair other) {
      int byProduct = productSlug.compareTo(other.productSlug);
      return byProduct != 0 ? byProduct : otherSlug.compareTo(other.otherSlug);
    }
  }

  /**
   * Every ordered pair of distinct products of one order, sorted. Counting them in this one order
   * makes concurrent counters take their row locks in the same order, so they cannot deadlock.
   */
  public static List<Pair> pairsOf(Collection<String> productSlugs) {
    List<String> products =
        new TreeSet<>(productSlugs).stream().limit(MAX_PRODUCTS_PER_ORDER).toList();
    List<Pair> pairs = new ArrayList<>();
    for (String product : products) {
      for (String other : products) {
        if (!product.equals(other)) {
          pairs.add(new Pair(product, other));
        }
      }
    }
    pairs.sort(null);
    return pairs;
  }

  public String otherSlug() {
    return otherSlug;
  }

  public int orders() {
    return orders;
  }

  public Instant lastBoughtAt() {
    return lastBoughtAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String productSlug;
    private String otherSlug;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(productSlug, key.productSlug)
          && Objects.equals(otherSlug, key.otherSlug);
    }

    @Override
    public int hashCode() {
      return Objects.hash(productSlug, otherSlug);
    }
  }
}
