package io.bazaar.catalog.boundary;

import io.bazaar.catalog.entity.Product;
import io.bazaar.catalog.entity.Variant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

/**
 * The transactions of a rebuild that replaces documents in place ({@link SearchIndex}): one batch
 * of products each, in id order. The batch's product and variant rows are read with a share lock,
 * so a change to one of them (a rating, a variant selling out) waits until the batch has committed;
 * its document is then built from the newer rows and sent after the batch's, and the rebuild does
 * not write back an older state over a newer one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SearchIndexBatches {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  /** Products to index; archived ones included, since the index knows them too. */
  public long products() {
    return em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
  }

  /** Documents the index holds now, as searches see them. */
  public long documents() {
    return Search.session(em).search(Product.class).where(f -> f.matchAll()).fetchTotalHitCount();
  }

  /** One batch done: its last product id, and how many products it held. */
  public record Batch(long lastId, int products) {}

  /**
   * Replaces the documents of up to {@code size} products after {@code afterId}; the new documents
   * reach the index when this transaction commits. Empty once no product is left.
   */
  public Optional<Batch> replace(long afterId, int size) {
    List<Product> batch =
        em.createQuery("select p from Product p where p.id > :after order by p.id", Product.class)
            .setParameter("after", afterId)
            .setMaxResults(size)
            .setLockMode(LockModeType.PESSIMISTIC_READ)
            .getResultList();
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    em.createQuery("select v from Variant v where v.product in :batch", Variant.class)
        .setParameter("batch", batch)
        .setLockMode(LockModeType.PESSIMISTIC_READ)
        .getResultList();
    SearchIndexingPlan plan = Search.session(em).indexingPlan();
    batch.forEach(plan::addOrUpdate);
    return Optional.of(new Batch(batch.get(batch.size() - 1).id(), batch.size()));
  }
}
