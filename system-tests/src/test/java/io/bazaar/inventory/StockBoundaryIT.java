package io.bazaar.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bazaar.inventory.boundary.OutOfStock;
import io.bazaar.inventory.boundary.Stock;
import io.bazaar.inventory.boundary.Stock.Allocation;
import io.bazaar.server.ShopLayout;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inventory boundary inside a real Payara Micro started by Arquillian's managed adapter,
 * deploying the storefront WAR exactly as built (plus this test), against the shop's real
 * PostgreSQL. The adapter is configured by {@code io.bazaar.systemtest.ArquillianPayara}.
 */
@ExtendWith(ArquillianExtension.class)
class StockBoundaryIT {

  @Deployment
  static WebArchive storefrontAsBuilt() {
    return ShrinkWrap.create(ZipImporter.class, "storefront-under-test.war")
        .importFrom(ShopLayout.locate().storefrontWar().toFile())
        .as(WebArchive.class);
  }

  @Inject Stock stock;

  @Inject UserTransaction transaction;

  private String newSku() {
    return "ARQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void takesFromTheHighestPriorityWarehouseFirst() throws Exception {
    String sku = newSku();
    transaction.begin();
    stock.defineWarehouse("MAIN", "Main", 0);
    stock.defineWarehouse("NORTH", "North", 1);
    stock.receive(sku, "NORTH", 5, "arquillian");
    stock.receive(sku, "MAIN", 2, "arquillian");
    transaction.commit();

    transaction.begin();
    List<Allocation> allocations = stock.takeForOrder("BZ-ARQUILLIAN", Map.of(sku, 4));
    transaction.commit();

    assertEquals(
        List.of(new Allocation(sku, "MAIN", 2), new Allocation(sku, "NORTH", 2)), allocations);
    assertEquals(3, stock.available(List.of(sku)).get(sku));
  }

  @Test
  void aShortLineTakesNothingFromAnyLine() throws Exception {
    String plenty = newSku();
    String scarce = newSku();
    transaction.begin();
    stock.defineWarehouse("MAIN", "Main", 0);
    stock.receive(plenty, "MAIN", 10, "arquillian");
    stock.receive(scarce, "MAIN", 1, "arquillian");
    transaction.commit();

    transaction.begin();
    OutOfStock refused =
        assertThrows(
            OutOfStock.class,
            () -> stock.takeForOrder("BZ-ARQUILLIAN", Map.of(plenty, 3, scarce, 2)));
    transaction.rollback();

    assertEquals(List.of(new OutOfStock.Shortage(scarce, 2, 1)), refused.shortages());
    assertEquals(10, stock.available(List.of(plenty)).get(plenty));
    assertEquals(1, stock.available(List.of(scarce)).get(scarce));
  }
}
