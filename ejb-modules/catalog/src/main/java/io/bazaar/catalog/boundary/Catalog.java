package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.CategoryView;
import io.bazaar.catalog.boundary.CatalogViews.PricedSku;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.CatalogViews.ReviewedProduct;
import io.bazaar.catalog.entity.Category;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.RatingDistribution;
import io.bazaar.catalog.entity.Variant;
import io.bazaar.inventory.boundary.Stock;
import io.bazaar.persistence.GridCaches;
import io.bazaar.persistence.GridCaches.GridCache;
import io.bazaar.persistence.Page;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reading the catalog: categories, product lists and details, and prices for carts and checkout.
 *
 * <p>The category tree and product details are read far more often than they change, so they are
 * cached on the data grid ({@link GridCaches}), each member reading what another computed. What a
 * cached product detail does not hold is its availability: inventory answers that on every request,
 * from a copy at most a second old. Prices for carts and checkout ({@link #priced}) never come from
 * a cache.
 */
@Stateless
public class Catalog {

  static final String CATEGORY_TREE_CACHE = "bazaar.catalog.category-tree";

  /**
   * Named for the form of its entries ({@link ProductDetailCopy}): members of an older release, in
   * a rolling restart, keep theirs apart. Its bound per member and the near copies each member
   * keeps are the grid's configuration of that name (server-config's hazelcast.xml).
   */
  static final String PRODUCT_DETAIL_CACHE = "bazaar.catalog.product-detail-copies";

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  @Inject Stock stock;

  @Inject ProductDetailLoader detailLoader;

  @Inject GridCaches gridCaches;

  /** How long a category tree of a catalog version stays cached; a newer version never waits. */
  @Inject
  @ConfigProperty(name = "bazaar.catalog.category-tree-cache-ttl", defaultValue = "PT10M")
  Duration categoryTreeTtl;

  /** The longest a cached product detail lives; a change to its rating evicts it at once. */
  @Inject
  @ConfigProperty(name = "bazaar.catalog.product-detail-cache-ttl", defaultValue = "PT5M")
  Duration productDetailTtl;

  private GridCache<CategoryTree> categoryTrees;
  private GridCache<ProductDetailCopy> productDetails;

  @PostConstruct
  void openCaches() {
    categoryTrees = gridCaches.named(CATEGORY_TREE_CACHE, categoryTreeTtl);
    productDetails = gridCaches.named(PRODUCT_DETAIL_CACHE, productDetailTtl);
  }

  /** The whole tree as one cache entry: every page's menu shows all of it. */
  record CategoryTree(List<CategoryView> categories) implements Serializable {
    CategoryTree {
      categories = List.copyOf(categories);
    }
  }

  /**
   * The category tree, parents before children, each with the number of active products in it and
   * in all categories below it (what a shopper finds by clicking it).
   *
   * <p>Counting means reading every product; the tree is therefore cached per catalog version,
   * which two index look-ups read: the newest product and category ids (a product or category was
   * added) and the latest product change (one was activated or archived). A tree is never shown for
   * an older catalog than the one committed, however the catalog was changed.
   */
  public List<CategoryView> categories() {
    Object[] products =
        em.createQuery("select max(p.id), max(p.updatedAt) from Product p", Object[].class)
            .getSingleResult();
    Long newestCategory =
        em.createQuery("select max(c.id) from Category c", Long.class).getSingleResult();
    String version = products[0] + "/" + products[1] + "/" + newestCategory;
    return categoryTrees.get(version, () -> new CategoryTree(countedCategories())).categories();
  }

  private List<CategoryView> countedCategories() {
    Map<Long, Long> direct =
        em
            .createQuery(
                "select p.category.id, count(p) from Product p where p.status = :active"
                    + " group by p.category.id",
                Object[].class)
            .setParameter("active", Product.Status.ACTIVE)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    List<Category> all =
        em.createQuery(
                "select c from Category c left join fetch c.parent order by c.position, c.name",
                Category.class)
            .getResultList();
    Map<Long, Long> withDescendants = new HashMap<>();
    for (Category category : all) {
      long count = direct.getOrDefault(category.id(), 0L);
      category.path().forEach(node -> withDescendants.merge(node.id(), count, Long::sum));
    }
    return all.stream()
        .sorted(Comparator.comparing(Catalog::treeOrder))
        .map(
            c ->
                new CategoryView(
                    c.slug(),
                    c.name(),
                    c.parent() == null ? null : c.parent().slug(),
                    withDescendants.getOrDefault(c.id(), 0L)))
        .toList();
  }

  /** Sorts a tree depth-first: each category right after its parent, siblings by position. */
  private static String treeOrder(Category category) {
    return category.path().stream()
        .map(node -> String.format("%06d:%s", node.position(), node.slug()))
        .collect(Collectors.joining("/"));
  }

  /** Active products, optionally of one category, newest first. */
  public Page<ProductSummary> products(String categorySlug, int page, int size) {
    Page.requireValid(page, size);
    String filter = categorySlug == null ? "" : " and p.category.id in :categories";
    var count =
        em.createQuery(
            "select count(p) from Product p where p.status = :active" + filter, Long.class);
    var ids =
        em.createQuery(
            "select p.id from Product p where p.status = :active"
                + filter
                + " order by p.createdAt desc, p.id desc",
            Long.class);
    count.setParameter("active", Product.Status.ACTIVE);
    ids.setParameter("active", Product.Status.ACTIVE);
    if (categorySlug != null) {
      List<Long> subtree = subtree(categorySlug);
      count.setParameter("categories", subtree);
      ids.setParameter("categories", subtree);
    }
    long total = count.getSingleResult();
    List<Long> pageIds =
        ids.setFirstResult(Page.firstResult(page, size)).setMaxResults(size).getResultList();
    if (pageIds.isEmpty()) {
      return new Page<>(List.of(), page, size, total);
    }
    Map<Long, Product> loaded = forSummaries("id", pageIds, Product::id);
    return new Page<>(
        pageIds.stream().map(loaded::get).map(ProductSummary::of).toList(), page, size, total);
  }

  /**
   * Summaries of the products of these slugs that are on sale, in the order given; others are left
   * out.
   */
  public List<ProductSummary> summaries(List<String> slugs) {
    if (slugs.isEmpty()) {
      return List.of();
    }
    Map<String, Product> loaded = forSummaries("slug", slugs, Product::slug);
    return slugs.stream()
        .distinct()
        .map(loaded::get)
        .filter(product -> product != null && product.isPurchasable())
        .map(ProductSummary::of)
        .toList();
  }

  /** Products with what their summaries show, loaded in one query, by the given key. */
  private <K> Map<K, Product> forSummaries(
      String keyProperty, Collection<K> keys, Function<Product, K> keyOf) {
    return em
        .createQuery(
            "select distinct p from Product p join fetch p.category join fetch p.brand"
                + " left join fetch p.variants"
                + " where p."
                + keyProperty
                + " in :keys",
            Product.class)
        .setParameter("keys", keys)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(keyOf, Function.identity()));
  }

  /** The product of each of these SKUs; unknown SKUs are absent from the answer. */
  public Map<String, String> productSlugsOf(Collection<String> skus) {
    if (skus.isEmpty()) {
      return Map.of();
    }
    return rowsOfSkus(
            "select v.sku, p.slug from catalog.variant v"
                + " join catalog.product p on p.id = v.product_id where v.sku = any(?1)",
            skus)
        .stream()
        .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
  }

  /**
   * A query over a set of SKUs, in SQL with the SKUs as one array parameter. Not JPQL: Hibernate
   * caches no plan for a JPQL query that passes a parameter to a function (in its lenient mode the
   * parameter may be multi-valued there), so {@code sku_in(v.sku, :skus)} was translated anew on
   * every execution, 7% of a checkout's request time, and these run in every checkout.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> rowsOfSkus(String sql, Collection<String> skus) {
    return em.createNativeQuery(sql).setParameter(1, skus.toArray(String[]::new)).getResultList();
  }

  /** The category and every category below it. */
  private List<Long> subtree(String slug) {
    return em.createQuery("select c from Category c", Category.class).getResultList().stream()
        .filter(c -> c.path().stream().anyMatch(node -> node.slug().equals(slug)))
        .map(Category::id)
        .toList();
  }

  public boolean categoryExists(String slug) {
    return !em.createQuery("select c.id from Category c where c.slug = :slug", Long.class)
        .setParameter("slug", slug)
        .getResultList()
        .isEmpty();
  }

  /**
   * A product's detail with its availability as product pages show it (at most a second old, see
   * {@link Stock#availableToShow}); drafts and archived products are not shown.
   *
   * <p>Read without a transaction of its own: a cached detail and one stock query need none, and
   * beginning, enlisting and committing a JTA transaction on the XA pool for them costs more round
   * trips to the database than the query. A detail not cached yet is loaded in a transaction
   * ({@link ProductDetailLoader}), which its lazy associations need.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ProductDetail> product(String slug) {
    return Optional.ofNullable(
            productDetails.get(slug, () -> ProductDetailCopy.of(detailLoader.load(slug))))
        .map(ProductDetailCopy::detail)
        .map(detail -> detail.withAvailability(stock.availableToShow(detail.skus())));
  }

  /**
   * Drops a product's cached detail once the current transaction commits: an editor changed what it
   * shows. Readers on every member load the committed product from then on.
   */
  public void forgetDetailAfterCommit(String slug) {
    productDetails.evictAfterCommit(slug);
  }

  /** Current prices of the given SKUs; unknown SKUs are simply absent from the answer. */
  public Map<String, PricedSku> priced(Collection<String> skus) {
    if (skus.isEmpty()) {
      return Map.of();
    }
    return rowsOfSkus(
            "select v.sku, p.name, v.label, v.amount, v.currency, p.status from catalog.variant v"
                + " join catalog.product p on p.id = v.product_id where v.sku = any(?1)",
            skus)
        .stream()
        .map(PricedSku::of)
        .collect(Collectors.toMap(PricedSku::sku, Function.identity()));
  }

  /** Whether a product is on sale (active), without loading it. */
  public boolean isOnSale(String slug) {
    return !em.createQuery(
            "select p.id from Product p where p.slug = :slug and p.status = :active", Long.class)
        .setParameter("slug", slug)
        .setParameter("active", Product.Status.ACTIVE)
        .getResultList()
        .isEmpty();
  }

  /**
   * Locks a product on sale for a change to its reviews, until the transaction ends. Every change
   * to a product's reviews (a new or edited review, moderation, a helpful vote) takes this lock
   * first, so that they are serialized per product: the figures recounted under it and handed to
   * {@link #rate} always include every change before, and none is lost to a concurrent one.
   *
   * @return empty if there is no such product, or it is not on sale
   */
  public Optional<ReviewedProduct> lockForReviews(String slug) {
    return em.createQuery("select p from Product p where p.slug = :slug", Product.class)
        .setParameter("slug", slug)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .filter(Product::isPurchasable)
        .map(
            p ->
                new ReviewedProduct(
                    p.slug(),
                    p.name(),
                    p.variants().stream().map(Variant::sku).toList(),
                    p.ratingCount()));
  }

  /**
   * Sets a product's rating figures from the review context's count of published reviews per number
   * of stars (one star first); the search index follows on commit.
   */
  public void rate(String slug, List<Integer> reviewsByStars) {
    em.createQuery("select p from Product p where p.slug = :slug", Product.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no product " + slug))
        .rate(RatingDistribution.of(reviewsByStars));
    productDetails.evictAfterCommit(slug);
  }
}
