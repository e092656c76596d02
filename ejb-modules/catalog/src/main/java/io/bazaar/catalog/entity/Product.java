package io.bazaar.catalog.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;

/**
 * A product as shoppers see it, sold through one or more variants (SKUs). Only active products can
 * be bought; a product becomes active only once it has at least one variant.
 *
 * <p>It is also the document of the product search index: the JavaBean-style getters near the end
 * exist for the index (lowest price, colours, sizes, availability, category path), each declaring
 * what it is derived from so that a change to a variant re-indexes its product on commit.
 */
@Entity
// The brand, the category and its parent (the catalog's tree is two levels deep; a deeper one
// loads further ancestors lazily) come in the same statement: a product page shows all of them,
// and each would otherwise be a round trip of its own when the page's detail is not cached.
@NamedQuery(
    name = Product.WITH_VARIANTS_BY_SLUG,
    query =
        "select p from Product p join fetch p.brand join fetch p.category c"
            + " left join fetch c.parent left join fetch p.variants where p.slug = :slug")
// Only changed columns are written: an editor's save, a rating update and a stock-driven
// availability change touch different columns of the same rows, and none writes back another's
// stale values.
@DynamicUpdate
@Table(name = "product")
@Indexed(index = "products")
public class Product {

  /** The product of a slug with its variants, in one query (parameter {@code slug}). */
  public static final String WITH_VARIANTS_BY_SLUG = "Product.withVariantsBySlug";

  /** The largest number of pictures a product can have. */
  public static final int MAX_IMAGES = 12;

  public enum Status {
    DRAFT,
    ACTIVE,
    ARCHIVED;

    /** Only an active product is sold; drafts and archived products are not. */
    public boolean allowsPurchase() {
      return this == ACTIVE;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // Stored in the index, as are the other values a search result lists, so that a page of hits
  // is read from the index alone: loading twenty products and their variants from the database
  // was about a third of a category search's work once its facet counts were cached (JFR).
  @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
  @Column(nullable = false, unique = true, length = 160)
  private String slug;

  @FullTextField(
      analyzer = SearchAnalyzers.TEXT,
      searchAnalyzer = SearchAnalyzers.TEXT_QUERY,
      projectable = Projectable.YES)
  @FullTextField(
      name = "nameSuggest",
      analyzer = SearchAnalyzers.AUTOCOMPLETE,
      searchAnalyzer = SearchAnalyzers.AUTOCOMPLETE_QUERY)
  @KeywordField(name = "nameSort", normalizer = SearchAnalyzers.SORT, sortable = Sortable.YES)
  @Column(nullable = false, length = 200)
  private String name;

  // Renaming a brand re-indexes through a full reindex (admin), not per product on commit: a brand
  // has thousands of products and no list of them.
  @IndexedEmbedded(includePaths = {"slug", "name"})
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "brand_id")
  private Brand brand;

  @FullTextField(analyzer = SearchAnalyzers.TEXT, searchAnalyzer = SearchAnalyzers.TEXT_QUERY)
  @Column(nullable = false, length = 4000)
  private String description;

  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id")
  private Category category;

  @KeywordField
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @GenericField(sortable = Sortable.YES)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Variant> variants = new ArrayList<>();

  /** Rich, product-wide attributes such as material or warranty; variants carry colour and size. */
  @ElementCollection
  @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_id"))
  @MapKeyColumn(name = "name")
  @Column(name = "value")
  private Map<String, String> attributes = new TreeMap<>();

  @ElementCollection
  @CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
  @OrderColumn(name = "position")
  private List<ProductImage> images = new ArrayList<>();

  // The rating figures are the review context's, not an editor's: their changes do not move the
  // version, so a review published while an editor works never turns the save into a conflict.

  /** Average of the published reviews' stars (1.00-5.00), null until the first one. */
  @OptimisticLock(excluded = true)
  @ScaledNumberField(
      decimalScale = 2,
      sortable = Sortable.YES,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "rating_average", precision = 3, scale = 2)
  private BigDecimal ratingAverage;

  @OptimisticLock(excluded = true)
  @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
  @Column(name = "rating_count", nullable = false)
  private int ratingCount;

  @OptimisticLock(excluded = true)
  @Embedded
  private RatingDistribution ratingDistribution = RatingDistribution.none();

  @Version private long version;

  protected Product() {}

  public Product(String slug, String name, Brand brand, String description, Category category) {
    this(slug, name, brand, description, category, Instant.now());
  }

  /** A product first listed at {@code createdAt}, for imports that keep their listing dates. */
  public Product(
      String slug,
      String name,
      Brand brand,
      String description,
      Category category,
      Instant createdAt) {
    this.slug = Slugs.require(slug);
    this.name = requireText("name", name, 200);
    this.description = description == null ? "" : requireText("description", description, 4000);
    if (brand == null) {
      throw new IllegalArgumentException("a product needs a brand");
    }
    if (category == null) {
      throw new IllegalArgumentException("a product needs a category");
    }
    this.brand = brand;
    this.category = category;
    this.status = Status.DRAFT;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = createdAt;
  }

  private static String requireText(String what, String text, int max) {
    if (text == null || text.isBlank() || text.length() > max) {
      throw new IllegalArgumentException(what + " must be 1-" + max + " characters");
    }
    return text.strip();
  }

  public Variant addVariant(String sku, String label, Money price, Map<String, String> attributes) {
    if (variants.stream().anyMatch(v -> v.sku().equals(sku))) {
      throw new IllegalArgumentException("variant " + sku + " already exists");
    }
    Variant variant = new Variant(this, sku, label, price, attributes, variants.size());
    variants.add(variant);
    return variant;
  }

  /** Replaces the name and the description, as an editor wrote them; a null description is none. */
  public void rewrite(String newName, String newDescription) {
    name = requireText("name", newName, 200);
    description =
        newDescription == null || newDescription.isBlank()
            ? ""
            : requireText("description", newDescription, 4000);
    touch();
  }

  /**
   * Sets one variant's price. Every price of a product is in one currency, so that "from" prices,
   * price filters and sorting compare like with like.
   */
  public void reprice(String sku, Money price) {
    Variant variant =
        variants.stream()
            .filter(v -> v.sku().equals(sku))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("product " + slug + " has no variant " + sku));
    if (price != null && !price.getCurrency().equals(variant.price().getCurrency())) {
      throw new IllegalArgumentException(
          "the price of "
              + sku
              + " must be in "
              + variant.price().getCurrency()
              + ", the currency of its product");
    }
    variant.reprice(price);
    // The product row changes with its variant's price, so its version guards the whole edit.
    touch();
  }

  /** Moves the product to a status: active puts it on sale, draft and archived take it off. */
  public void changeStatus(Status target) {
    switch (Objects.requireNonNull(target, "status")) {
      case ACTIVE -> activate();
      case ARCHIVED -> archive();
      case DRAFT -> {
        status = Status.DRAFT;
        touch();
      }
    }
  }

  public void describe(String attribute, String value) {
    if (attribute == null || !attribute.matches("[a-z][a-z0-9 -]{0,58}[a-z0-9]")) {
      throw new IllegalArgumentException("'" + attribute + "' is not a valid attribute name");
    }
    attributes.put(attribute, requireText(attribute, value, 120));
    touch();
  }

  public void addImage(ProductImage image) {
    if (images.size() >= MAX_IMAGES) {
      throw new IllegalArgumentException("a product has at most " + MAX_IMAGES + " images");
    }
    images.add(Objects.requireNonNull(image, "image"));
    touch();
  }

  /**
   * Takes the review context's current figures. The average and count that search sorts and facets
   * on are derived from the distribution here, in one place.
   */
  public void rate(RatingDistribution distribution) {
    ratingDistribution = Objects.requireNonNull(distribution, "distribution");
    ratingCount = distribution.count();
    ratingAverage = distribution.average();
  }

  public RatingDistribution ratingDistribution() {
    return ratingDistribution == null ? RatingDistribution.none() : ratingDistribution;
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  public void activate() {
    if (variants.isEmpty()) {
      throw new IllegalStateException("a product without variants cannot be sold");
    }
    status = Status.ACTIVE;
    touch();
  }

  public void archive() {
    status = Status.ARCHIVED;
    touch();
  }

  public boolean isPurchasable() {
    return status.allowsPurchase();
  }

  /** The optimistic-lock version: an edit made from an older one is refused. */
  public long version() {
    return version;
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public Brand brand() {
    return brand;
  }

  public String description() {
    return description;
  }

  public Category category() {
    return category;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<Variant> variants() {
    return Collections.unmodifiableList(variants);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Map<String, String> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  public List<ProductImage> images() {
    return Collections.unmodifiableList(images);
  }

  public BigDecimal ratingAverage() {
    return ratingAverage;
  }

  public int ratingCount() {
    return ratingCount;
  }

  /** The cheapest variant's price: what lists show as "from" and what price filters compare. */
  public Money fromPrice() {
    return variants.stream().map(Variant::price).min(Money::compareTo).orElse(null);
  }

  public boolean isAvailable() {
    return variants.stream().anyMatch(Variant::inStock);
  }

  // ---- Derived values for the search index (JavaBean names, as Hibernate Search requires) ----

  @ScaledNumberField(
      name = "price",
      decimalScale = 2,
      sortable = Sortable.YES,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @IndexingDependency(
      derivedFrom =
          @ObjectPath({
            @PropertyValue(propertyName = "variants"),
            @PropertyValue(propertyName = "price")
          }))
  public BigDecimal getLowestPrice() {
    Money from = fromPrice();
    return from == null ? null : from.getAmount();
  }

  @GenericField(name = "inStock", aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(
      derivedFrom =
          @ObjectPath({
            @PropertyValue(propertyName = "variants"),
            @PropertyValue(propertyName = "inStock")
          }))
  public boolean isInStockForSearch() {
    return isAvailable();
  }

  @KeywordField(name = "colours", aggregable = Aggregable.YES)
  @IndexingDependency(
      derivedFrom =
          @ObjectPath({
            @PropertyValue(propertyName = "variants"),
            @PropertyValue(propertyName = "attributes")
          }))
  public List<String> getColours() {
    return variantValues(Variant.COLOUR);
  }

  @KeywordField(name = "sizes", aggregable = Aggregable.YES)
  @IndexingDependency(
      derivedFrom =
          @ObjectPath({
            @PropertyValue(propertyName = "variants"),
            @PropertyValue(propertyName = "attributes")
          }))
  public List<String> getSizes() {
    return variantValues(Variant.SIZE);
  }

  private List<String> variantValues(String attribute) {
    return variants.stream()
        .map(v -> v.attributes().get(attribute))
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(LinkedHashSet::new))
        .stream()
        .toList();
  }

  /** The currency of {@link #getLowestPrice()}, for search results read from the index. */
  @KeywordField(name = "currency", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(
      derivedFrom =
          @ObjectPath({
            @PropertyValue(propertyName = "variants"),
            @PropertyValue(propertyName = "price")
          }))
  public String getPriceCurrency() {
    Money from = fromPrice();
    return from == null ? null : from.getCurrency();
  }

  // The category's slug and name, and the first image, as search results list them. Renaming a
  // category reaches these through a full reindex, as it reaches "keywords".

  @KeywordField(name = "categorySlug", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "category")))
  public String getCategorySlug() {
    return category.slug();
  }

  @KeywordField(name = "categoryName", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "category")))
  public String getCategoryName() {
    return category.name();
  }

  @KeywordField(name = "imageUrl", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "images")))
  public String getFirstImageUrl() {
    return images.isEmpty() ? null : images.get(0).url();
  }

  @KeywordField(name = "imageAlt", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "images")))
  public String getFirstImageAltText() {
    return images.isEmpty() ? null : images.get(0).altText();
  }

  /** Reviews by stars, one star first, as search results show the rating's distribution. */
  @GenericField(name = "ratingStars", projectable = Projectable.YES, searchable = Searchable.NO)
  @IndexingDependency(
      derivedFrom = @ObjectPath(@PropertyValue(propertyName = "ratingDistribution")))
  public List<Integer> getReviewsByStars() {
    return ratingDistribution().reviewsByStars();
  }

  /** The category and its ancestors, so that filtering by "Shoes" includes "Running Shoes". */
  @KeywordField(name = "categories", aggregable = Aggregable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "category")))
  public List<String> getCategorySlugs() {
    return category.path().stream().map(Category::slug).toList();
  }

  /** Words shoppers search by that are not in the name: category names and attribute values. */
  @FullTextField(
      name = "keywords",
      analyzer = SearchAnalyzers.TEXT,
      searchAnalyzer = SearchAnalyzers.TEXT_QUERY)
  @IndexingDependency(
      derivedFrom = {
        @ObjectPath(@PropertyValue(propertyName = "category")),
        @ObjectPath(@PropertyValue(propertyName = "attributes")),
        @ObjectPath({
          @PropertyValue(propertyName = "variants"),
          @PropertyValue(propertyName = "attributes")
        })
      })
  public String getKeywords() {
    return Stream.concat(
            Stream.concat(
                category.path().stream().map(Category::name), attributes.values().stream()),
            variants.stream().flatMap(v -> v.attributes().values().stream()))
        .distinct()
        .collect(Collectors.joining(" "));
  }
}
