package io.bazaar.catalog.boundary;

import io.bazaar.catalog.control.CatalogWords;
import io.bazaar.catalog.entity.Product;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;

/**
 * Rebuilds the product index from the database, in the background, reporting progress. One rebuild
 * at a time per member. It empties the index first: Lucene's mass indexer only adds documents, so
 * rebuilding over the old ones would list every product twice, and on both backends only an emptied
 * index also loses documents the database no longer backs (OpenSearch empties it with a
 * delete-by-query, from its reindex module). While it runs, searches answer from the part already
 * rebuilt, and commits keep indexing. On Lucene each member has its own index; on OpenSearch one
 * rebuild serves every member.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

  @PersistenceUnit(unitName = "catalog")
  EntityManagerFactory emf;

  @Inject CatalogWords catalogWords;

  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** A rebuild as an operator sees it: how far it is, and how it ended. */
  public record Reindexing(
      String id,
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
    final AtomicLong total = new AtomicLong();
    final AtomicLong indexed = new AtomicLong();
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile String failure;

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
      return new Reindexing(id, state, all, done, percent, startedAt, finishedAt, failure);
    }
  }

  /** Starts a rebuild, or answers the one already running. */
  public Reindexing start() {
    Job job = new Job();
    Job running = latest.get();
    if (running != null && running.state == State.RUNNING) {
      return running.view();
    }
    if (!latest.compareAndSet(running, job)) {
      return latest.get().view();
    }
    LOG.info("search reindex " + job.id + " started");
    Search.mapping(emf)
        .scope(Product.class)
        .massIndexer()
        .purgeAllOnStart(true)
        .threadsToLoadObjects(2)
        .batchSizeToLoadObjects(100)
        .monitor(job)
        .start()
        .whenComplete(
            (ignored, failure) -> {
              job.finishedAt = Instant.now();
              if (failure == null) {
                job.state = State.SUCCEEDED;
                catalogWords.invalidate();
                LOG.info("search reindex " + job.id + " done: " + job.indexed.get() + " products");
              } else {
                job.failure = String.valueOf(failure.getMessage());
                job.state = State.FAILED;
                LOG.warning("search reindex " + job.id + " failed: " + failure);
              }
            });
    return job.view();
  }

  public Optional<Reindexing> reindexing(String id) {
    Job job = latest.get();
    return job != null && job.id.equals(id) ? Optional.of(job.view()) : Optional.empty();
  }
}
