package io.bazaar.catalog.control;

import io.bazaar.catalog.boundary.SearchViews.SearchResult;
import io.bazaar.catalog.entity.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.backend.lucene.lowlevel.reader.impl.ReadIndexManagerContext;
import org.hibernate.search.engine.backend.index.IndexManager;
import org.hibernate.search.mapper.orm.Search;

/**
 * Search results and facet counts kept for as long as the embedded Lucene index they were read from
 * stays the same, as Solr's query result cache and OpenSearch's shard request cache keep theirs.
 *
 * <p>Counting is most of a search's work: a shopper who picked a category sees the other
 * categories' counts, which means counting the categories of every product matching the rest of the
 * search (the whole catalog when browsing without words). The same counts are asked for again and
 * again between two changes of the index, and a count can only change when the index does. The same
 * holds for a whole result (its page of hits, read from the index's stored values, and its counts):
 * shoppers ask the same searches over and over ("sneakers", a category's first page), and a
 * repeated search is then answered without reading the index at all.
 *
 * <p>The index state is the identity of the near-real-time reader that Hibernate Search serves
 * searches from: it is replaced, at most every refresh interval, only when something was indexed. A
 * count or a result read from the cache is therefore never older than a search run at the same
 * instant would be. Hibernate Search has no public API for that reader; {@link
 * ReadIndexManagerContext} is its internal one, pinned with the Hibernate Search version (should a
 * later version drop it, nothing is cached and searches only get slower). SearchIT shows counts and
 * hits following a checkout within the second. With any other backend nothing is cached here:
 * OpenSearch counts on its own nodes, and caches there.
 */
@ApplicationScoped
public class SearchCache {

  private static final Logger LOG = Logger.getLogger(SearchCache.class.getName());

  /**
   * The most counts kept for one index state; the least recently used go first. A count is one
   * facet's values with their numbers for one search, estimated (not measured) at a few hundred
   * bytes since the values are shared: tens of megabytes at the default bound, which holds the
   * seven counts of some 7,000 different searches.
   */
  @Inject
  @ConfigProperty(name = "bazaar.catalog.search.facet-count-cache-entries", defaultValue = "50000")
  int maximumEntries;

  /**
   * The most whole results kept for one index state; the least recently used go first. A result is
   * a page of hits and every facet's values, some 13 kB as JSON and estimated (not measured) at a
   * few times that on the heap: some tens of megabytes at the default bound.
   */
  @Inject
  @ConfigProperty(name = "bazaar.catalog.search.result-cache-entries", defaultValue = "1000")
  int maximumResults;

  @PersistenceUnit(unitName = "catalog")
  EntityManagerFactory entityManagerFactory;

  /** Empty until the first search asks: the search mapping is not ready while beans are made. */
  private volatile Optional<ReadIndexManagerContext> readers;

  private volatile Generation current;

  /** Facet values (brand slugs, colours, price ranges) shared by all the counts that list them. */
  private final Map<Object, Object> canonicalValues = new ConcurrentHashMap<>();

  private Optional<ReadIndexManagerContext> readers() {
    Optional<ReadIndexManagerContext> known = readers;
    if (known == null) {
      known = findIndexReaders();
      readers = known;
    }
    return known;
  }

  private Optional<ReadIndexManagerContext> findIndexReaders() {
    if (maximumEntries <= 0 && maximumResults <= 0) {
      return Optional.empty();
    }
    try {
      IndexManager index =
          Search.mapping(entityManagerFactory).indexedEntity(Product.class).indexManager();
      if (index instanceof ReadIndexManagerContext lucene) {
        return Optional.of(lucene);
      }
      return Optional.empty();
    } catch (RuntimeException | LinkageError notLucene) {
      LOG.log(Level.WARNING, "facet counts are not cached: {0}", notLucene.toString());
      return Optional.empty();
    }
  }

  /**
   * The results and counts of the index as searches see it now, or empty when nothing is cached
   * (another backend, or the cache turned off). Call it before the search whose counts it keeps:
   * the search then reads this state or a newer one, never an older one.
   */
  public Optional<Generation> generation() {
    Optional<ReadIndexManagerContext> lucene = readers();
    if (lucene.isEmpty()) {
      return Optional.empty();
    }
    List<Object> state = indexState(lucene.get());
    Generation known = current;
    if (known != null && known.state.equals(state)) {
      return Optional.of(known);
    }
    Generation fresh = new Generation(state, maximumEntries, maximumResults, canonicalValues);
    LOG.fine("search cache: the index changed, results and counts of the former state dropped");
    current = fresh;
    return Optional.of(fresh);
  }

  /** The identity of each shard's current reader; equal lists mean the same indexed documents. */
  private static List<Object> indexState(ReadIndexManagerContext lucene) {
    List<Object> state = new ArrayList<>(1);
    try {
      lucene.openIndexReaders(Set.of(), (type, reader) -> state.add(identity(reader)));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return state;
  }

  private static Object identity(DirectoryReader reader) {
    try {
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      // A reader without a cache key cannot be told apart from the next one: never equal.
      return helper == null ? new Object() : helper.getKey();
    } finally {
      release(reader);
    }
  }

  private static void release(DirectoryReader reader) {
    try {
      reader.decRef();
    } catch (IOException closing) {
      throw new UncheckedIOException(closing);
    }
  }

  /** The results and counts of one index state. */
  public static final class Generation {
    private final List<Object> state;
    private final Map<Key, Counted> counts;
    private final Map<Object, SearchResult> results;
    private final Map<Object, Object> canonicalValues;

    Generation(
        List<Object> state,
        int maximumCounts,
        int maximumResults,
        Map<Object, Object> canonicalValues) {
      this.state = state;
      this.canonicalValues = canonicalValues;
      this.counts = leastRecentlyUsed(maximumCounts);
      this.results = leastRecentlyUsed(maximumResults);
    }

    private static <K, V> Map<K, V> leastRecentlyUsed(int maximumEntries) {
      return Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
              return size() > maximumEntries;
            }
          });
    }

    /**
     * The counts of {@code facet} over the products matching {@code filters}, if known, in the
     * order they were kept.
     */
    public <V> Optional<Map<V, Long>> counts(String facet, Object filters) {
      Counted counted = counts.get(new Key(facet, filters));
      return counted == null ? Optional.empty() : Optional.of(counted.asMap());
    }

    public void keep(String facet, Object filters, Map<?, Long> facetCounts) {
      counts.put(new Key(facet, filters), Counted.of(facetCounts, canonicalValues));
    }

    /** The whole result of {@code search} (its words, filters, order and page), if known. */
    public Optional<SearchResult> result(Object search) {
      return Optional.ofNullable(results.get(search));
    }

    public void keepResult(Object search, SearchResult result) {
      results.put(search, result);
    }
  }

  private record Key(String facet, Object filters) {}

  /**
   * Counts in two arrays, the values shared between entries: a facet's values are few (brands,
   * colours), its counts many (one set for each search), and maps of boxed numbers would take
   * several times the memory.
   */
  private record Counted(Object[] values, long[] numbers) {

    /** Beyond this many distinct facet values, values are kept as they come, unshared. */
    private static final int MOST_SHARED_VALUES = 100_000;

    static Counted of(Map<?, Long> counts, Map<Object, Object> canonicalValues) {
      Object[] values = new Object[counts.size()];
      long[] numbers = new long[counts.size()];
      int i = 0;
      for (Map.Entry<?, Long> count : counts.entrySet()) {
        Object value = count.getKey();
        Object shared = canonicalValues.get(value);
        if (shared == null && canonicalValues.size() < MOST_SHARED_VALUES) {
          shared = canonicalValues.putIfAbsent(value, value);
        }
        values[i] = shared == null ? value : shared;
        numbers[i] = count.getValue();
        i++;
      }
      return new Counted(values, numbers);
    }

    @SuppressWarnings("unchecked")
    <V> Map<V, Long> asMap() {
      Map<V, Long> map = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        map.put((V) values[i], numbers[i]);
      }
      return map;
    }
  }
}
