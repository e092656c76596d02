package io.bazaar.catalog.control;

import io.bazaar.catalog.entity.Variant;
import io.bazaar.inventory.boundary.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps each variant's in-stock flag equal to the inventory's answer, inside the transaction that
 * changed the stock (a checkout, a receipt). Only a flip writes a row, and only a written row
 * re-indexes its product on commit, so a checkout that leaves units on the shelf costs the search
 * index nothing.
 */
@ApplicationScoped
public class AvailabilityProjection {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  void onStockChanged(@Observes StockChanged change) {
    if (change.availableNow().isEmpty()) {
      return;
    }
    // One array parameter, not "in :skus": Hibernate re-translates a multi-valued parameter's query
    // on every execution, and this one runs in every checkout.
    em.createQuery("select v from Variant v where sku_in(v.sku, :skus)", Variant.class)
        .setParameter("skus", change.availableNow().keySet().toArray(String[]::new))
        .getResultList()
        .forEach(variant -> variant.markAvailability(change.availableNow().get(variant.sku()) > 0));
  }
}
