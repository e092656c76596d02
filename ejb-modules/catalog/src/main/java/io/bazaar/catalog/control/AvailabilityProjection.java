package io.bazaar.catalog.control;

import io.bazaar.catalog.entity.Variant;
import io.bazaar.inventory.boundary.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
    // SQL with one array parameter, not JPQL: Hibernate re-translates a JPQL query with "in :skus"
    // or with a parameter passed to a function (sku_in) on every execution, and this one runs in
    // every checkout. The variants it returns are managed entities all the same, so a flip is
    // written, and re-indexed, on commit.
    @SuppressWarnings("unchecked")
    List<Variant> variants =
        em.createNativeQuery("select * from catalog.variant where sku = any(?1)", Variant.class)
            .setParameter(1, change.availableNow().keySet().toArray(String[]::new))
            .getResultList();
    variants.forEach(
        variant -> variant.markAvailability(change.availableNow().get(variant.sku()) > 0));
  }
}
