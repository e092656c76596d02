package io.bazaar.catalog.boundary;

import io.bazaar.catalog.control.CatalogWords;
import io.bazaar.catalog.entity.Product;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;

/**
 * Rebuilds the product index from the database, in the background, reporting progress. One rebuild
 * at a time per member. Over an index that holds documents it replaces them in place, batch by
 * batch ({@link SearchIndexBatches}): searches keep answering from the whole catalog while it runs,
 * and no product is missing from them at any moment. Products are never deleted (they are archived,
 * and archived ones are indexed too), so no document outlives its product. An empty index (a new
 * member, a lost disk) is built by Hibernate Search's mass indexer, which is faster but only adds
 * documents: over a full index it would list every product twice. Commits keep indexing during
 * both. On Lucene each member has its own index; on OpenSearch one rebuild serves every member.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

  @PersistenceUnit(unitName = "catalog")
  EntityManagerFactory emf;

  /** Products per transaction of an in-place rebuild. */
  private static final int BATCH = 250;

  @Inject CatalogWords catalogWords;

  @Inject SearchIndexBatches batches;

  @Resource ManagedExecutorService executor;

  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** How a rebuild goes about it; see the class comment. */
  public enum Method {
    REPLACE_IN_PLACE,
    BUILD_FROM_EMPTY
  }

  /** A rebuild as an operator sees it: how far it is, and how it ended. */
  public record Reindexing(
      String id,
      Method method,
      State state,
      long total,
      long indexed,
      int percent,
      Instant startedAt,
      Instant finishedAt,
      String failure) {}

  private final AtomicReference<Job> latest = new AtomicReference<>();

  private static final class Job implements MassIndexingMonitor {
    final String id = UUID.randomUUID().toString();
    final Instant startedAt = Instant.now();
    final Method method;
    final AtomicLong total = new AtomicLong();
    final AtomicLong indexed = new AtomicLong();
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile String failure;

    Job(Method method) {
      this.method = method;
    }

    void finished(Throwable failure) {
      finishedAt = Instant.now();
      if (failure == null) {
        state = State.SUCCEEDED;
        LOG.info("search reindex " + id + " done: " + indexed.get() + " products");
      } else {
        this.failure = String.valueOf(failure.getMessage());
        state = State.FAILED;
        LOG.warning("search reindex " + id + " failed: " + failure);
      }
    }

    @Override
    public void documentsAdded(long increment) {
      indexed.addAndGet(increment);
    }

    @Override
    public void documentsBuilt(long increment) {
      // progress is counted when documents reach the index
    }

    @Override
    public void entitiesLoaded(long increment) {
      // progress is counted when documents reach the index
    }

    @Override
    public void addToTotalCount(long increment) {
      total.addAndGet(increment);
    }

    @Override
    public void indexingCompleted() {
      // the completion stage reports the end, with its outcome
    }

    Reindexing view() {
      long all = total.get();
      long done = indexed.get();
      int percent =
          state == State.SUCCEEDED ? 100 : all == 0 ? 0 : (int) Math.min(99, done * 100 / all);
      return new Reindexing(id, method, state, all, done, percent, startedAt, finishedAt, failure);
    }
  }

  /** Starts a rebuild in place over an index with documents, else from empty. */
  public Reindexing start() {
    return start(batches.documents() > 0 ? Method.REPLACE_IN_PLACE : Method.BUILD_FROM_EMPTY);
  }

  /** Starts a rebuild by the method given, or answers the one already running. */
  public Reindexing start(Method method) {
    Job running = latest.get();
    if (running != null && running.state == State.RUNNING) {
      return running.view();
    }
    Job job = new Job(method);
    if (!latest.compareAndSet(running, job)) {
      return latest.get().view();
    }
    LOG.info("search reindex " + job.id + " started: " + job.method);
    if (job.method == Method.REPLACE_IN_PLACE) {
      job.addToTotalCount(batches.products());
      CompletableFuture.runAsync(() -> replaceInPlace(job), executor)
          .whenComplete((ignored, failure) -> finish(job, failure));
    } else {
      Search.mapping(emf)
          .scope(Product.class)
          .massIndexer()
          // Commits may have indexed a few products since the index was seen empty; purged, they
          // are not listed twice.
          .purgeAllOnStart(true)
          .threadsToLoadObjects(2)
          .batchSizeToLoadObjects(BATCH)
          .monitor(job)
          .start()
          .whenComplete((ignored, failure) -> finish(job, failure));
    }
    return job.view();
  }

  private void replaceInPlace(Job job) {
    long after = 0;
    for (Optional<SearchIndexBatches.Batch> batch = batches.replace(after, BATCH);
        batch.isPresent();
        batch = batches.replace(after, BATCH)) {
      after = batch.get().lastId();
      job.documentsAdded(batch.get().products());
    }
  }

  private void finish(Job job, Throwable failure) {
    if (failure == null) {
      catalogWords.invalidate();
      mergeSegments();
    }
    job.finished(failure);
  }

  /**
   * Merges the index into one segment after a rebuild or a bulk load has left it in many: a search
   * looks each of its words up (typo-tolerant words against every term of a field), and (Lucene)
   * maps each facet's values, segment by segment. Merging 100,000 products takes under 2 s. Later
   * changes make new segments again, and the backend's merge policy keeps their number down. A
   * merge that fails leaves the index as it is, only slower to search, so what came before it still
   * succeeded.
   */
  public void mergeSegments() {
    long started = System.nanoTime();
    try {
      Search.mapping(emf).scope(Product.class).workspace().mergeSegments();
      LOG.info(
          String.format(
              "search index segments merged in %d ms", (System.nanoTime() - started) / 1_000_000));
    } catch (RuntimeException failed) {
      LOG.log(java.util.logging.Level.WARNING, "search index segments not merged", failed);
    }
  }

  public Optional<Reindexing> reindexing(String id) {
    Job job = latest.get();
    return job != null && job.id.equals(id) ? Optional.of(job.view()) : Optional.empty();
  }
}
