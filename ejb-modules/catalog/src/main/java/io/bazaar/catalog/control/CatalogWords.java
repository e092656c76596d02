package io.bazaar.catalog.control;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Brand and category names and the catalog's vocabulary, read from the database and kept for a few
 * minutes: facet labels, autocomplete of brands and categories, and typo corrections need them on
 * every search, and they change rarely. Each member keeps its own copy.
 */
@ApplicationScoped
public class CatalogWords {

  private static final Duration FRESH_FOR = Duration.ofMinutes(5);

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  private record Snapshot(
      Instant takenAt,
      long namesVersion,
      Map<String, BrandRef> brands,
      Map<String, CategoryRef> categories,
      Vocabulary vocabulary) {}

  private volatile Snapshot snapshot;

  /** The copy read last, kept when forgotten, so that a names version is never given twice. */
  private Snapshot latest;

  private final ReentrantLock refreshing = new ReentrantLock();

  public Vocabulary vocabulary() {
    return current().vocabulary();
  }

  /**
   * The version of the brand and category names: it changes when one of them does, so that what was
   * kept with older names (a search result's facet labels) is not shown again.
   */
  public long namesVersion() {
    return current().namesVersion();
  }

  public Map<String, BrandRef> brandsBySlug() {
    return current().brands();
  }

  public Map<String, CategoryRef> categoriesBySlug() {
    return current().categories();
  }

  /** Brands with a word starting with every typed word, in name order. */
  public List<BrandRef> brandsStartingWith(List<String> typedWords, int limit) {
    return startingWith(current().brands().values(), BrandRef::name, typedWords, limit);
  }

  public List<CategoryRef> categoriesStartingWith(List<String> typedWords, int limit) {
    return startingWith(current().categories().values(), CategoryRef::name, typedWords, limit);
  }

  private static <T> List<T> startingWith(
      Collection<T> candidates, Function<T, String> name, List<String> typedWords, int limit) {
    return candidates.stream()
        .filter(
            candidate -> {
              List<String> words = Vocabulary.words(name.apply(candidate));
              return typedWords.stream()
                  .allMatch(typed -> words.stream().anyMatch(word -> word.startsWith(typed)));
            })
        .sorted(java.util.Comparator.comparing(name))
        .limit(limit)
        .toList();
  }

  /** Forgets the copy, after an admin change or a reindex. */
  public void invalidate() {
    snapshot = null;
  }

  /**
   * The copy, read again by one caller at a time when it is missing or stale. Reading takes a
   * second or two with 100,000 products; meanwhile the other searches go on with the stale copy
   * (or, when there is none, wait for the one being read) instead of each reading the whole catalog
   * at once.
   */
  private Snapshot current() {
    Snapshot now = snapshot;
    if (now != null && !isStale(now)) {
      return now;
    }
    if (now == null) {
      refreshing.lock();
    } else if (!refreshing.tryLock()) {
      return now;
    }
    try {
      Snapshot meanwhile = snapshot;
      if (meanwhile != null && !isStale(meanwhile)) {
        return meanwhile;
      }
      Snapshot fresh = read();
      snapshot = fresh;
      return fresh;
    } finally {
      refreshing.unlock();
    }
  }

  private static boolean isStale(Snapshot copy) {
    return copy.takenAt().plus(FRESH_FOR).isBefore(Instant.now());
  }

  private Snapshot read() {
    Map<String, BrandRef> brands = new LinkedHashMap<>();
    em.createQuery("select b.slug, b.name from Brand b order by b.name", Object[].class)
        .getResultStream()
        .forEach(
            row -> brands.put((String) row[0], new BrandRef((String) row[0], (String) row[1])));
    Map<String, CategoryRef> categories = new LinkedHashMap<>();
    em.createQuery(
            "select c.slug, c.name from Category c order by c.position, c.name", Object[].class)
        .getResultStream()
        .forEach(
            row ->
                categories.put((String) row[0], new CategoryRef((String) row[0], (String) row[1])));
    Map<String, Integer> frequencies = new HashMap<>();
    Function<String, Void> count =
        text -> {
          Vocabulary.words(text).forEach(word -> frequencies.merge(word, 1, Integer::sum));
          return null;
        };
    em.createQuery("select p.name from Product p where p.status = :active", String.class)
        .setParameter("active", io.bazaar.catalog.entity.Product.Status.ACTIVE)
        .getResultStream()
        .forEach(count::apply);
    brands.values().forEach(b -> count.apply(b.name()));
    categories.values().forEach(c -> count.apply(c.name()));
    em.createNativeQuery("select distinct value from catalog.variant_attribute", String.class)
        .getResultStream()
        .forEach(value -> count.apply((String) value));
    em.createNativeQuery("select distinct value from catalog.product_attribute", String.class)
        .getResultStream()
        .forEach(value -> count.apply((String) value));
    Snapshot former = latest;
    long namesVersion =
        former == null
            ? 0
            : former.brands().equals(brands) && former.categories().equals(categories)
                ? former.namesVersion()
                : former.namesVersion() + 1;
    latest =
        new Snapshot(Instant.now(), namesVersion, brands, categories, new Vocabulary(frequencies));
    return latest;
  }
}
