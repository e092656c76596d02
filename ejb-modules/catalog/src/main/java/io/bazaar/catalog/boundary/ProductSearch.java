package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import io.bazaar.catalog.boundary.CatalogViews.ImageView;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.catalog.boundary.CatalogViews.RatingView;
import io.bazaar.catalog.boundary.ProductQuery.PriceRange;
import io.bazaar.catalog.boundary.SearchViews.FacetValue;
import io.bazaar.catalog.boundary.SearchViews.ProductSuggestion;
import io.bazaar.catalog.boundary.SearchViews.SearchResult;
import io.bazaar.catalog.boundary.SearchViews.Suggestions;
import io.bazaar.catalog.control.CatalogWords;
import io.bazaar.catalog.control.SearchCache;
import io.bazaar.catalog.control.SearchTerms;
import io.bazaar.catalog.control.Vocabulary;
import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.SearchAnalyzers;
import io.bazaar.persistence.Money;
import io.bazaar.persistence.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;

/**
 * Product search: relevance-ranked full text over name, brand, category, attributes and
 * description; facets with counts that stay correct under multi-select; typo correction; and
 * autocomplete. Reads the search index (Lucene or OpenSearch), hits from its stored values.
 */
@Stateless
public class ProductSearch {

  static final String CATEGORY = "category";
  static final String BRAND = "brand";
  static final String PRICE = "price";
  static final String COLOUR = "colour";

  /**
   * Not "size": that parameter is the page size everywhere in the API, and one query parameter
   * cannot mean both.
   */
  static final String SIZE = "variantSize";

  static final String RATING = "rating";
  static final String AVAILABILITY = "availability";

  /** The price buckets offered as facet values; filters accept any range. */
  static final List<PriceRange> PRICE_BUCKETS =
      List.of(
          new PriceRange(null, new BigDecimal("25")),
          new PriceRange(new BigDecimal("25"), new BigDecimal("50")),
          new PriceRange(new BigDecimal("50"), new BigDecimal("100")),
          new PriceRange(new BigDecimal("100"), new BigDecimal("200")),
          new PriceRange(new BigDecimal("200"), new BigDecimal("500")),
          new PriceRange(new BigDecimal("500"), null));

  private static final List<Integer> RATING_FLOORS = List.of(4, 3, 2, 1);

  /** Formatted once: formatting them for every search took 2% of a search's CPU. */
  private static final List<String> RATING_LABELS =
      RATING_FLOORS.stream()
          .map(
              stars ->
                  String.format(Locale.ROOT, "%d %s & up", stars, stars == 1 ? "star" : "stars"))
          .toList();

  /**
   * Every brand of a result, not the top few: the brand counts then add up to the result's total.
   * The catalog has some dozens; a catalog with thousands would need a brand search instead.
   */
  private static final int MAX_BRANDS = 500;

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  @Inject CatalogWords catalogWords;

  @Inject SearchCache searchCache;

  /**
   * The result of a search: its page of hits and every facet's counts, or, when nothing matches,
   * the result of the corrected words, or an offer of a correction.
   *
   * <p>A result is kept for as long as the index stays the same ({@link SearchCache}), with the
   * brand and category names it shows: a repeated search is then answered without reading the
   * index.
   */
  public SearchResult search(ProductQuery query) {
    // Asked before the queries run, so that they read this index state or a newer one.
    Optional<SearchCache.Generation> cache = searchCache.generation();
    SearchedFor searchedFor = new SearchedFor(query, catalogWords.namesVersion());
    Optional<SearchResult> known = cache.flatMap(generation -> generation.result(searchedFor));
    if (known.isPresent()) {
      return known.get();
    }
    SearchResult result = answer(Search.session(em), query, cache);
    cache.ifPresent(generation -> generation.keepResult(searchedFor, result));
    return result;
  }

  /** What a kept result answers: the search, and the version of the names its facets show. */
  private record SearchedFor(ProductQuery query, long namesVersion) {}

  private SearchResult answer(
      SearchSession session, ProductQuery query, Optional<SearchCache.Generation> cache) {
    Answer answer = run(session, query, cache);
    if (answer.total() > 0 || !query.hasText()) {
      return answer.result(query.text(), null, null);
    }
    Vocabulary vocabulary = catalogWords.vocabulary();
    Optional<String> corrected = vocabulary.correct(query.text(), 0);
    if (corrected.isPresent()) {
      Answer correctedAnswer = run(session, query.withText(corrected.get()), cache);
      if (correctedAnswer.total() > 0) {
        return correctedAnswer.result(corrected.get(), query.text(), null);
      }
    }
    String offer = vocabulary.correct(query.text(), 2).orElse(null);
    return answer.result(query.text(), null, offer);
  }

  /**
   * Products whose name has words starting with what was typed, plus matching brands and
   * categories.
   */
  public Suggestions suggest(String prefix, int limit) {
    String typed = prefix == null ? "" : prefix.strip();
    if (typed.isEmpty() || typed.length() > ProductQuery.MAX_TEXT) {
      throw new IllegalArgumentException(
          "type 1-" + ProductQuery.MAX_TEXT + " characters to get suggestions");
    }
    if (limit < 1 || limit > 20) {
      throw new IllegalArgumentException("limit must be between 1 and 20");
    }
    List<String> words = Vocabulary.words(typed);
    if (words.isEmpty()) {
      return new Suggestions(typed, List.of(), List.of(), List.of());
    }
    List<ProductSuggestion> products =
        Search.session(em)
            .search(Product.class)
            .where(
                f -> {
                  BooleanPredicateClausesStep<?> all = f.bool();
                  all.filter(f.match().field("status").matching(Product.Status.ACTIVE));
                  words.forEach(word -> all.must(f.match().field("nameSuggest").matching(word)));
                  return all;
                })
            .sort(f -> f.score().then().field("nameSort"))
            .fetchHits(limit)
            .stream()
            .map(p -> new ProductSuggestion(p.slug(), p.name()))
            .toList();
    return new Suggestions(
        typed,
        products,
        catalogWords.brandsStartingWith(words, limit),
        catalogWords.categoriesStartingWith(words, limit));
  }

  // ---- querying ----

  private record Answer(
      long total, Page<ProductSummary> products, Map<String, List<FacetValue>> facets) {
    SearchResult result(String query, String correctedFrom, String didYouMean) {
      return new SearchResult(query, correctedFrom, didYouMean, products, facets);
    }
  }

  private interface AggregationDefinition<A> {
    org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep<A> define(
        org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory f);
  }

  /**
   * How the index counts one facet's values (of type {@code V}); used by the main query and by
   * multi-select.
   */
  private record FacetCounts<V>(
      String facet,
      AggregationKey<Map<V, Long>> key,
      AggregationDefinition<Map<V, Long>> definition) {
    FacetCounts(String facet, AggregationDefinition<Map<V, Long>> definition) {
      this(facet, AggregationKey.of(facet), definition);
    }

    <H> SearchQueryOptionsStep<?, H, ?, ?, ?> countedIn(
        SearchQueryOptionsStep<?, H, ?, ?, ?> query) {
      return query.aggregation(key, f -> definition.define(f));
    }

    @SuppressWarnings("unchecked")
    Map<V, Long> in(Map<String, Map<?, Long>> counted) {
      return (Map<V, Long>) counted.get(facet);
    }
  }

  private static final FacetCounts<String> CATEGORY_COUNTS =
      new FacetCounts<>(
          CATEGORY, f -> f.terms().field("categories", String.class).maxTermCount(200));
  private static final FacetCounts<String> BRAND_COUNTS =
      new FacetCounts<>(
          BRAND, f -> f.terms().field("brand.slug", String.class).maxTermCount(MAX_BRANDS));
  private static final FacetCounts<String> COLOUR_COUNTS =
      new FacetCounts<>(COLOUR, f -> f.terms().field("colours", String.class).maxTermCount(50));
  private static final FacetCounts<String> SIZE_COUNTS =
      new FacetCounts<>(SIZE, f -> f.terms().field("sizes", String.class).maxTermCount(50));
  private static final FacetCounts<Range<BigDecimal>> PRICE_COUNTS =
      new FacetCounts<>(
          PRICE, f -> f.range().field("price", BigDecimal.class).ranges(priceRanges()));
  private static final FacetCounts<Range<BigDecimal>> RATING_COUNTS =
      new FacetCounts<>(
          RATING, f -> f.range().field("ratingAverage", BigDecimal.class).ranges(ratingRanges()));
  private static final FacetCounts<Boolean> STOCK_COUNTS =
      new FacetCounts<>(AVAILABILITY, f -> f.terms().field("inStock", Boolean.class));

  private static final List<FacetCounts<?>> ALL_FACETS =
      List.of(
          CATEGORY_COUNTS,
          BRAND_COUNTS,
          COLOUR_COUNTS,
          SIZE_COUNTS,
          PRICE_COUNTS,
          RATING_COUNTS,
          STOCK_COUNTS);

  /**
   * What one facet's counts depend on: the words and every selection except that facet's own, not
   * the order or the page. Equal for two searches, their counts of that facet are equal in the same
   * index state.
   */
  private static ProductQuery countedOver(ProductQuery query, String facet, boolean selected) {
    String ignored = selected ? facet : null;
    return new ProductQuery(
        query.text(),
        CATEGORY.equals(ignored) ? Set.of() : query.categories(),
        BRAND.equals(ignored) ? Set.of() : query.brands(),
        PRICE.equals(ignored) ? List.of() : query.prices(),
        COLOUR.equals(ignored) ? Set.of() : query.colours(),
        SIZE.equals(ignored) ? Set.of() : query.sizes(),
        RATING.equals(ignored) ? null : query.minimumRating(),
        !AVAILABILITY.equals(ignored) && query.inStockOnly(),
        ProductQuery.Sort.RELEVANCE,
        0,
        1);
  }

  /**
   * The hits, and every facet's counts: those known for this index state from the cache; for each
   * facet with a selection, from a query without that selection, so that a shopper who picked "Red"
   * still sees how many "Blue" products there are (multi-select); and those of facets not selected
   * from the hits' query.
   *
   * <p>When every count is known before the hits' query runs (a search asked before with another
   * order or page, as most are), that query only has to find the page: it stops counting matches at
   * the page's end, which lets Lucene skip the matches that cannot make the page instead of scoring
   * every one. The total then comes from the availability counts, which count every match once (a
   * product is either in stock or not).
   */
  private Answer run(
      SearchSession session, ProductQuery query, Optional<SearchCache.Generation> cache) {
    Set<String> selected = selectedFacets(query);
    Map<String, Map<?, Long>> counted = new HashMap<>();
    // Each facet the hits' query counts, with the search its counts are kept under.
    Map<FacetCounts<?>, ProductQuery> countedByMain = new LinkedHashMap<>();
    for (FacetCounts<?> facet : ALL_FACETS) {
      boolean isSelected = selected.contains(facet.facet());
      ProductQuery over = countedOver(query, facet.facet(), isSelected);
      Optional<Map<Object, Long>> known = cache.flatMap(g -> g.<Object>counts(facet.facet(), over));
      if (known.isPresent()) {
        counted.put(facet.facet(), known.get());
      } else if (isSelected) {
        // From its own query: counting it in the hits' query too would be a pass over the
        // matches for nothing.
        Map<?, Long> counts = countWithoutOwnSelection(session, query, facet);
        counted.put(facet.facet(), counts);
        cache.ifPresent(generation -> generation.keep(facet.facet(), over, counts));
      } else {
        countedByMain.put(facet, over);
      }
    }
    SearchQueryOptionsStep<?, ListedProduct, ?, ?, ?> mainQuery =
        session
            .search(Product.class)
            .select(ProductSearch::listed)
            .where(f -> predicate(f, query, null))
            .sort(f -> sort(f, query));
    int firstResult = Page.firstResult(query.page(), query.size());
    if (countedByMain.isEmpty()) {
      mainQuery = mainQuery.totalHitCountThreshold((long) firstResult + query.size());
    }
    for (FacetCounts<?> facet : countedByMain.keySet()) {
      mainQuery = facet.countedIn(mainQuery);
    }
    org.hibernate.search.engine.search.query.SearchResult<ListedProduct> main =
        mainQuery.fetch(firstResult, query.size());
    countedByMain.forEach(
        (facet, over) -> {
          Map<?, Long> counts = main.aggregation(facet.key());
          counted.put(facet.facet(), counts);
          cache.ifPresent(generation -> generation.keep(facet.facet(), over, counts));
        });
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    facets.put(CATEGORY, categoryFacet(CATEGORY_COUNTS.in(counted), query.categories()));
    facets.put(BRAND, brandFacet(BRAND_COUNTS.in(counted), query.brands()));
    facets.put(PRICE, priceFacet(PRICE_COUNTS.in(counted), query.prices()));
    facets.put(COLOUR, termFacet(COLOUR_COUNTS.in(counted), query.colours(), Function.identity()));
    facets.put(SIZE, termFacet(SIZE_COUNTS.in(counted), query.sizes(), Function.identity()));
    facets.put(RATING, ratingFacet(RATING_COUNTS.in(counted), query.minimumRating()));
    facets.put(
        AVAILABILITY,
        List.of(
            new FacetValue(
                "in-stock",
                "In stock",
                STOCK_COUNTS.in(counted).getOrDefault(Boolean.TRUE, 0L),
                query.inStockOnly())));
    long total =
        countedByMain.isEmpty()
            ? matchesCountedIn(STOCK_COUNTS.in(counted), query.inStockOnly())
            : main.total().hitCount();
    List<ProductSummary> hits = summaries(main.hits());
    // Unmodifiable: the result may be kept and handed to every later search asking the same.
    return new Answer(
        total,
        new Page<>(hits, query.page(), query.size(), total),
        Collections.unmodifiableMap(facets));
  }

  // ---- hits ----

  /**
   * A hit as the index stores it, or only its id when the document was indexed by a release that
   * did not store the listed values yet (until the next reindex).
   */
  record ListedProduct(Long id, ProductSummary summary) {}

  private static ProjectionFinalStep<ListedProduct> listed(SearchProjectionFactory<?, ?> f) {
    return f.composite()
        .from(
            f.id(Long.class),
            f.field("slug", String.class),
            f.field("name", String.class),
            f.field("brand.slug", String.class),
            f.field("brand.name", String.class),
            f.field("categorySlug", String.class),
            f.field("categoryName", String.class),
            f.field("price", BigDecimal.class),
            f.field("currency", String.class),
            f.field("imageUrl", String.class),
            f.field("imageAlt", String.class),
            f.field("ratingAverage", BigDecimal.class),
            f.field("ratingCount", Integer.class),
            f.field("ratingStars", Integer.class).multi(),
            f.field("inStock", Boolean.class))
        .asArray(ProductSearch::listed);
  }

  @SuppressWarnings("unchecked")
  static ListedProduct listed(Object[] stored) {
    Long id = (Long) stored[0];
    String slug = (String) stored[1];
    List<Integer> reviewsByStars = (List<Integer>) stored[13];
    if (slug == null || stored[5] == null || stored[12] == null || reviewsByStars.size() != 5) {
      return new ListedProduct(id, null);
    }
    String currency = (String) stored[8];
    String imageUrl = (String) stored[9];
    return new ListedProduct(
        id,
        new ProductSummary(
            slug,
            (String) stored[2],
            new BrandRef((String) stored[3], (String) stored[4]),
            new CategoryRef((String) stored[5], (String) stored[6]),
            currency == null ? null : Money.of((BigDecimal) stored[7], currency),
            imageUrl == null ? null : new ImageView(imageUrl, (String) stored[10]),
            RatingView.of((BigDecimal) stored[11], (Integer) stored[12], reviewsByStars),
            Boolean.TRUE.equals(stored[14])));
  }

  /** The hits' summaries in order, loading from the database only what the index lacks. */
  private List<ProductSummary> summaries(List<ListedProduct> hits) {
    List<Long> unlisted =
        hits.stream().filter(hit -> hit.summary() == null).map(ListedProduct::id).toList();
    Map<Long, ProductSummary> loaded = new HashMap<>();
    if (!unlisted.isEmpty()) {
      em.createQuery("select p from Product p where p.id in :ids", Product.class)
          .setParameter("ids", unlisted)
          .getResultList()
          .forEach(product -> loaded.put(product.id(), ProductSummary.of(product)));
    }
    return hits.stream()
        .map(hit -> hit.summary() != null ? hit.summary() : loaded.get(hit.id()))
        // A product deleted since it was indexed: gone from the database, soon from the index.
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** A selected facet's counts, from a query that ignores that selection. */
  private <V> Map<V, Long> countWithoutOwnSelection(
      SearchSession session, ProductQuery query, FacetCounts<V> counts) {
    return session
        .search(Product.class)
        .where(f -> predicate(f, query, counts.facet()))
        .aggregation(counts.key(), counts.definition()::define)
        .fetch(0)
        .aggregation(counts.key());
  }

  /**
   * How many products match a search, from its availability counts: without the in-stock filter
   * those count every match once, in stock or not; with it, they count the matches without it, of
   * which the in-stock ones are the search's.
   */
  static long matchesCountedIn(Map<Boolean, Long> availability, boolean inStockOnly) {
    long inStock = availability.getOrDefault(Boolean.TRUE, 0L);
    return inStockOnly ? inStock : inStock + availability.getOrDefault(Boolean.FALSE, 0L);
  }

  private static Set<String> selectedFacets(ProductQuery query) {
    Set<String> selected = new java.util.HashSet<>();
    if (!query.categories().isEmpty()) {
      selected.add(CATEGORY);
    }
    if (!query.brands().isEmpty()) {
      selected.add(BRAND);
    }
    if (!query.prices().isEmpty()) {
      selected.add(PRICE);
    }
    if (!query.colours().isEmpty()) {
      selected.add(COLOUR);
    }
    if (!query.sizes().isEmpty()) {
      selected.add(SIZE);
    }
    if (query.minimumRating() != null) {
      selected.add(RATING);
    }
    if (query.inStockOnly()) {
      selected.add(AVAILABILITY);
    }
    return selected;
  }

  /**
   * Active products matching every word (in any of the text fields, the name counting most) and
   * every facet selection except {@code ignoredFacet}.
   */
  private PredicateFinalStep predicate(
      SearchPredicateFactory f, ProductQuery query, String ignoredFacet) {
    BooleanPredicateClausesStep<?> all = f.bool();
    all.filter(f.match().field("status").matching(Product.Status.ACTIVE));
    if (query.hasText()) {
      // A term is a word, or a multi-word synonym entry ("frying pan") whose synonyms the query
      // analyzer can only see when it gets the words together.
      for (String term : SearchTerms.ofSynonymsFile().of(query.text())) {
        all.must(
            f.match()
                .field("name")
                .boost(4.0f)
                .field("brand.name")
                .boost(3.0f)
                .field("keywords")
                .boost(2.0f)
                .field("description")
                .matching(term));
        // The term as typed, without its synonyms, in the name: a shopper who types "sneakers"
        // sees products called sneakers before those that are only their synonyms.
        all.should(
            f.match().field("name").matching(term).analyzer(SearchAnalyzers.TEXT).boost(4.0f));
      }
    } else {
      all.must(f.matchAll());
    }
    if (!CATEGORY.equals(ignoredFacet) && !query.categories().isEmpty()) {
      all.filter(f.terms().field("categories").matchingAny(query.categories()));
    }
    if (!BRAND.equals(ignoredFacet) && !query.brands().isEmpty()) {
      all.filter(f.terms().field("brand.slug").matchingAny(query.brands()));
    }
    if (!COLOUR.equals(ignoredFacet) && !query.colours().isEmpty()) {
      all.filter(f.terms().field("colours").matchingAny(query.colours()));
    }
    if (!SIZE.equals(ignoredFacet) && !query.sizes().isEmpty()) {
      all.filter(f.terms().field("sizes").matchingAny(query.sizes()));
    }
    if (!PRICE.equals(ignoredFacet) && !query.prices().isEmpty()) {
      BooleanPredicateClausesStep<?> anyPrice = f.bool();
      query
          .prices()
          .forEach(range -> anyPrice.should(f.range().field("price").within(toRange(range))));
      all.filter(anyPrice);
    }
    if (!RATING.equals(ignoredFacet) && query.minimumRating() != null) {
      all.filter(
          f.range().field("ratingAverage").atLeast(BigDecimal.valueOf(query.minimumRating())));
    }
    if (!AVAILABILITY.equals(ignoredFacet) && query.inStockOnly()) {
      all.filter(f.match().field("inStock").matching(true));
    }
    return all;
  }

  private static SortFinalStep sort(SearchSortFactory f, ProductQuery query) {
    return switch (query.sort()) {
      // Without words every product scores the same, so relevance is newest first; sorting by the
      // date alone lets Lucene skip the products that cannot make the page instead of scoring all.
      case RELEVANCE ->
          query.hasText()
              ? f.score().then().field("createdAt").desc()
              : f.field("createdAt").desc();
      case PRICE_ASC -> f.field("price").asc().then().field("nameSort");
      case PRICE_DESC -> f.field("price").desc().then().field("nameSort");
      case NEWEST -> f.field("createdAt").desc().then().field("nameSort");
      case RATING ->
          f.field("ratingAverage")
              .desc()
              .missing()
              .last()
              .then()
              .field("ratingCount")
              .desc()
              .then()
              .field("nameSort");
    };
  }

  private static Range<BigDecimal> toRange(PriceRange range) {
    if (range.min() == null) {
      return Range.between(
          null, RangeBoundInclusion.INCLUDED, range.max(), RangeBoundInclusion.EXCLUDED);
    }
    return Range.between(
        range.min(), RangeBoundInclusion.INCLUDED, range.max(), RangeBoundInclusion.EXCLUDED);
  }

  private static List<Range<BigDecimal>> priceRanges() {
    return PRICE_BUCKETS.stream().map(ProductSearch::toRange).toList();
  }

  private static List<Range<BigDecimal>> ratingRanges() {
    return RATING_FLOORS.stream().map(stars -> Range.atLeast(BigDecimal.valueOf(stars))).toList();
  }

  // ---- facet values ----

  private List<FacetValue> categoryFacet(Map<String, Long> counts, Set<String> selected) {
    Map<String, CategoryRef> categories = catalogWords.categoriesBySlug();
    return termFacet(
        counts,
        selected,
        slug -> Optional.ofNullable(categories.get(slug)).map(CategoryRef::name).orElse(slug));
  }

  private List<FacetValue> brandFacet(Map<String, Long> counts, Set<String> selected) {
    Map<String, BrandRef> brands = catalogWords.brandsBySlug();
    return termFacet(
        counts,
        selected,
        slug -> Optional.ofNullable(brands.get(slug)).map(BrandRef::name).orElse(slug));
  }

  /** Values by count (most first), selected ones always listed even when nothing matches them. */
  private static List<FacetValue> termFacet(
      Map<String, Long> counts, Collection<String> selected, Function<String, String> label) {
    List<FacetValue> values = new ArrayList<>();
    counts.forEach(
        (value, count) ->
            values.add(new FacetValue(value, label.apply(value), count, selected.contains(value))));
    selected.stream()
        .filter(value -> !counts.containsKey(value))
        .sorted()
        .forEach(value -> values.add(new FacetValue(value, label.apply(value), 0, true)));
    return values;
  }

  private static List<FacetValue> priceFacet(
      Map<Range<BigDecimal>, Long> counts, List<PriceRange> selected) {
    List<FacetValue> values = new ArrayList<>();
    List<Long> inBucketOrder = new ArrayList<>(counts.values());
    for (int i = 0; i < PRICE_BUCKETS.size(); i++) {
      PriceRange bucket = PRICE_BUCKETS.get(i);
      long count = i < inBucketOrder.size() ? inBucketOrder.get(i) : 0L;
      values.add(
          new FacetValue(bucket.value(), priceLabel(bucket), count, selected.contains(bucket)));
    }
    return values;
  }

  private static String priceLabel(PriceRange range) {
    if (range.min() == null) {
      return "Under " + range.max().toPlainString();
    }
    if (range.max() == null) {
      return range.min().toPlainString() + " and above";
    }
    return range.min().toPlainString() + " to " + range.max().toPlainString();
  }

  private static List<FacetValue> ratingFacet(
      Map<Range<BigDecimal>, Long> counts, Integer selected) {
    List<FacetValue> values = new ArrayList<>();
    // The backend answers ranges in the order they were asked for.
    List<Long> inFloorOrder = new ArrayList<>(counts.values());
    for (int i = 0; i < RATING_FLOORS.size(); i++) {
      int stars = RATING_FLOORS.get(i);
      long count = i < inFloorOrder.size() ? inFloorOrder.get(i) : 0L;
      String label = RATING_LABELS.get(i);
      values.add(
          new FacetValue(
              String.valueOf(stars), label, count, Integer.valueOf(stars).equals(selected)));
    }
    return values;
  }
}
