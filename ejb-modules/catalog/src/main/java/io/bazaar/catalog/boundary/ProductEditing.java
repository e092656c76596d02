package io.bazaar.catalog.boundary;

import io.bazaar.catalog.entity.Product;
import io.bazaar.persistence.Money;
import io.bazaar.persistence.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back office's side of the catalog: every product in any status, and an editor's changes to
 * one (name, description, status, variant prices).
 *
 * <p>An edit names the version of the product its editor read. If the product changed since, the
 * edit is refused whole ({@link ProductChangedMeanwhile}) and nothing of it is stored: two editors
 * never overwrite each other unseen. Two edits of the same version that race each other are
 * serialized by the product row: the second waits for the first to commit, then finds the version
 * moved on and is refused the same way. Customers' reviews change only the rating, which is not
 * versioned, so they never turn an editor's save into a conflict.
 *
 * <p>What an edit changes is searchable within a second of its commit (Hibernate Search indexes the
 * product on commit), and its cached detail is dropped on every member at commit.
 */
@Stateless
public class ProductEditing {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  @Inject Catalog catalog;

  /** One product in the back office's list. */
  public record ProductListing(
      String slug,
      String name,
      String brand,
      String category,
      String status,
      Money fromPrice,
      int variantCount,
      Instant updatedAt) {

    static ProductListing of(Product product) {
      return new ProductListing(
          product.slug(),
          product.name(),
          product.brand().name(),
          product.category().name(),
          product.status().name(),
          product.fromPrice(),
          product.variants().size(),
          product.updatedAt());
    }
  }

  /** A variant as an editor sees it. */
  public record EditableVariant(String sku, String label, Money price) {}

  /** A product as an editor opens it, with the version an edit must name. */
  public record EditableProduct(
      String slug,
      String name,
      String description,
      String status,
      long version,
      Instant updatedAt,
      List<EditableVariant> variants) {

    static EditableProduct of(Product product) {
      return new EditableProduct(
          product.slug(),
          product.name(),
          product.description(),
          product.status().name(),
          product.version(),
          product.updatedAt(),
          product.variants().stream()
              .map(v -> new EditableVariant(v.sku(), v.label(), v.price()))
              .toList());
    }
  }

  /**
   * An editor's change, made from {@code version}: the new name, description and status, and new
   * prices by SKU (variants left out keep theirs).
   */
  public record ProductEdit(
      Long version, String name, String description, String status, Map<String, Money> prices) {}

  /**
   * Products in any status whose name or slug contains {@code text} (all if blank), optionally of
   * one status, most recently changed first.
   */
  public Page<ProductListing> products(String text, Product.Status status, int page, int size) {
    Page.requireValid(page, size);
    String where =
        " where (:pattern = '' or lower(p.name) like :pattern escape '\\'"
            + " or p.slug like :pattern escape '\\')"
            + (status == null ? "" : " and p.status = :status");
    String pattern = text == null || text.isBlank() ? "" : likePattern(text);
    var count = em.createQuery("select count(p) from Product p" + where, Long.class);
    var ids =
        em.createQuery(
            "select p.id from Product p" + where + " order by p.updatedAt desc, p.id desc",
            Long.class);
    count.setParameter("pattern", pattern);
    ids.setParameter("pattern", pattern);
    if (status != null) {
      count.setParameter("status", status);
      ids.setParameter("status", status);
    }
    long total = count.getSingleResult();
    List<Long> pageIds =
        ids.setFirstResult(Page.firstResult(page, size)).setMaxResults(size).getResultList();
    if (pageIds.isEmpty()) {
      return new Page<>(List.of(), page, size, total);
    }
    Map<Long, Product> loaded =
        em
            .createQuery(
                "select distinct p from Product p join fetch p.brand join fetch p.category"
                    + " left join fetch p.variants where p.id in :ids",
                Product.class)
            .setParameter("ids", pageIds)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    return new Page<>(
        pageIds.stream().map(loaded::get).map(ProductListing::of).toList(), page, size, total);
  }

  /** "%text%" in lower case, with the LIKE wildcards of the text itself taken literally. */
  private static String likePattern(String text) {
    String literal =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + literal + "%";
  }

  public EditableProduct editable(String slug) {
    return EditableProduct.of(find(slug));
  }

  /**
   * Applies an edit made from the version it names, whole or not at all.
   *
   * @throws ProductChangedMeanwhile if the product is at another version, or another edit of the
   *     same version committed first
   * @throws IllegalArgumentException for a field the product refuses (nothing is stored)
   */
  public EditableProduct edit(String slug, ProductEdit edit) {
    if (edit == null || edit.version() == null) {
      throw new IllegalArgumentException("an edit names the version it was made from");
    }
    Product product = find(slug);
    if (product.version() != edit.version()) {
      throw new ProductChangedMeanwhile(slug, product.version());
    }
    product.rewrite(edit.name(), edit.description());
    if (edit.prices() != null) {
      edit.prices().forEach(product::reprice);
    }
    if (edit.status() != null) {
      product.changeStatus(statusNamed(edit.status()));
    }
    try {
      // Now, not at commit: a concurrent edit's win must reach this editor as a conflict.
      em.flush();
    } catch (OptimisticLockException concurrentEdit) {
      throw new ProductChangedMeanwhile(slug, edit.version() + 1);
    }
    catalog.forgetDetailAfterCommit(slug);
    return EditableProduct.of(product);
  }

  /** DRAFT, ACTIVE or ARCHIVED, in any case; anything else is refused with the choices. */
  public static Product.Status statusNamed(String status) {
    try {
      return Product.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("status must be draft, active or archived");
    }
  }

  private Product find(String slug) {
    return em.createNamedQuery(Product.WITH_VARIANTS_BY_SLUG, Product.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new ProductNotFound(slug));
  }
}
