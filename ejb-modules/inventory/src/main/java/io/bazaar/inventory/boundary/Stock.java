package io.bazaar.inventory.boundary;

import io.bazaar.inventory.control.ShownAvailability;
import io.bazaar.inventory.entity.StockLevel;
import io.bazaar.inventory.entity.StockMovement;
import io.bazaar.inventory.entity.Warehouse;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stock on hand across warehouses. Taking stock for an order joins the caller's transaction: the
 * rows stay locked until that transaction ends, so concurrent checkouts of the same SKU queue up
 * and none can take units another has taken. Rows are always locked in (sku, warehouse) order, so
 * two checkouts that share SKUs cannot deadlock.
 *
 * <p>A checkout waits at most {@code bazaar.inventory.stock-lock-timeout} (default 10 s) for a row:
 * a transaction left prepared by a crashed member holds its rows until that member's recovery
 * decides it, and checkouts queued behind it would otherwise hold their database connections all
 * that time, until the pools and the database refuse everyone. The one that gives up fails whole
 * (nothing taken, nothing stored) and the API answers 503 with Retry-After.
 */
@Stateless
public class Stock {

  @PersistenceContext(unitName = "inventory")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "bazaar.inventory.stock-lock-timeout", defaultValue = "PT10S")
  Duration lockTimeout;

  @Inject Event<StockChanged> stockChanged;

  @Inject ShownAvailability shownAvailability;

  public record Allocation(String sku, String warehouseCode, int quantity) {}

  // The look-ups of a checkout are SQL with the SKUs bound as one array ("sku = any(?1)"), which
  // the primary key serves. Not JPQL: Hibernate re-translates a JPQL query on every execution when
  // it has a multi-valued "in :skus" parameter or passes a parameter to a function (sku_in), and
  // its array_contains renders as "array_position(...) is not null", which no index serves (a scan
  // of every stock row: 100 ms per look-up with 100,000 products).

  /**
   * Units available per SKU over all warehouses; SKUs without stock rows answer 0. Joins the
   * caller's transaction if there is one, and needs none: a product page reads it on every view.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, Integer> available(Collection<String> skus) {
    Map<String, Integer> available = new HashMap<>();
    skus.forEach(sku -> available.put(sku, 0));
    if (skus.isEmpty()) {
      return available;
    }
    // SQL, not JPQL: Hibernate translated this query from JPQL again on every execution (a third of
    // its cost), and every product page runs it.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select sku, sum(on_hand) from inventory.stock_level where sku = any(?1)"
                    + " group by sku")
            .setParameter(1, skus.toArray(String[]::new))
            .getResultList();
    rows.forEach(row -> available.put((String) row[0], ((Number) row[1]).intValue()));
    return available;
  }

  /**
   * Units available per SKU as a product page shows them: this member's copy when it is fresh
   * ({@link ShownAvailability}: at most 30 s old by default, and this member's own commits show at
   * once), otherwise {@link #available}. Never for taking stock.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, Integer> availableToShow(Collection<String> skus) {
    return shownAvailability.of(skus, this::available);
  }

  /**
   * Takes the wanted units of every SKU for one order, from the highest-priority warehouses first,
   * or takes nothing and throws {@link OutOfStock} naming every short line.
   */
  public List<Allocation> takeForOrder(String orderNumber, Map<String, Integer> wanted) {
    SortedMap<String, Integer> bySku = new TreeMap<>(wanted);
    Map<String, Integer> priorities =
        em.createQuery("select w from Warehouse w", Warehouse.class).getResultList().stream()
            .collect(Collectors.toMap(Warehouse::code, Warehouse::priority));
    // set_config(..., true) is SET LOCAL: it ends with this transaction.
    em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
        .setParameter(1, lockTimeout.toMillis() + "ms")
        .getSingleResult();
    // SQL with "for update" rather than JPQL with a lock mode: see the note on the look-ups above.
    @SuppressWarnings("unchecked")
    List<StockLevel> locked =
        em.createNativeQuery(
                "select * from inventory.stock_level where sku = any(?1)"
                    + " order by sku, warehouse_code for update",
                StockLevel.class)
            .setParameter(1, bySku.keySet().toArray(String[]::new))
            .getResultList();
    Map<String, List<StockLevel>> levelsBySku =
        locked.stream().collect(Collectors.groupingBy(StockLevel::sku));

    List<OutOfStock.Shortage> shortages = new ArrayList<>();
    bySku.forEach(
        (sku, quantity) -> {
          int onHand =
              levelsBySku.getOrDefault(sku, List.of()).stream().mapToInt(StockLevel::onHand).sum();
          if (onHand < quantity) {
            shortages.add(new OutOfStock.Shortage(sku, quantity, onHand));
          }
        });
    if (!shortages.isEmpty()) {
      throw new OutOfStock(shortages);
    }

    Function<StockLevel, Integer> priority =
        level -> priorities.getOrDefault(level.warehouseCode(), Integer.MAX_VALUE);
    List<Allocation> allocations = new ArrayList<>();
    bySku.forEach(
        (sku, quantity) -> {
          int stillWanted = quantity;
          List<StockLevel> levels = new ArrayList<>(levelsBySku.get(sku));
          levels.sort(Comparator.comparing(priority).thenComparing(StockLevel::warehouseCode));
          for (StockLevel level : levels) {
            if (stillWanted == 0) {
              break;
            }
            int taken = level.takeUpTo(stillWanted);
            if (taken > 0) {
              stillWanted -= taken;
              em.persist(StockMovement.sale(level, taken, orderNumber));
              allocations.add(new Allocation(sku, level.warehouseCode(), taken));
            }
          }
        });
    Map<String, Integer> availableNow = new HashMap<>();
    levelsBySku.forEach(
        (sku, levels) -> availableNow.put(sku, levels.stream().mapToInt(StockLevel::onHand).sum()));
    stockChanged.fire(new StockChanged(availableNow));
    return allocations;
  }

  /** Books units into a warehouse, creating the stock row on first receipt. */
  public StockLevel receive(String sku, String warehouseCode, int units, String reference) {
    if (em.find(Warehouse.class, warehouseCode) == null) {
      throw new IllegalArgumentException("unknown warehouse " + warehouseCode);
    }
    StockLevel level =
        em.find(
            StockLevel.class,
            new StockLevel.Key(sku, warehouseCode),
            LockModeType.PESSIMISTIC_WRITE);
    if (level == null) {
      level = new StockLevel(sku, warehouseCode, 0);
      em.persist(level);
    }
    level.receive(units);
    em.persist(StockMovement.receipt(level, units, reference));
    em.flush();
    stockChanged.fire(new StockChanged(available(List.of(sku))));
    return level;
  }

  public record Receipt(String sku, String warehouseCode, int units) {}

  /**
   * Books many receipts at once (imports, the demo catalog): one query for the existing rows, then
   * batched inserts, instead of a round trip per row.
   */
  public void receiveAll(List<Receipt> receipts, String reference) {
    if (receipts.isEmpty()) {
      return;
    }
    Set<String> warehouses =
        em.createQuery("select w.code from Warehouse w", String.class)
            .getResultStream()
            .collect(Collectors.toSet());
    Set<String> skus = receipts.stream().map(Receipt::sku).collect(Collectors.toSet());
    Map<String, StockLevel> levels =
        em.createQuery(
                "select s from StockLevel s where s.key.sku in :skus order by s.key.sku, s.key.warehouseCode",
                StockLevel.class)
            .setParameter("skus", skus)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .collect(Collectors.toMap(Stock::rowName, Function.identity()));
    for (Receipt receipt : receipts) {
      if (!warehouses.contains(receipt.warehouseCode())) {
        throw new IllegalArgumentException("unknown warehouse " + receipt.warehouseCode());
      }
      StockLevel level =
          levels.computeIfAbsent(
              receipt.sku() + "@" + receipt.warehouseCode(),
              absent -> {
                StockLevel created = new StockLevel(receipt.sku(), receipt.warehouseCode(), 0);
                em.persist(created);
                return created;
              });
      level.receive(receipt.units());
      em.persist(StockMovement.receipt(level, receipt.units(), reference));
    }
    Map<String, Integer> availableNow = new HashMap<>();
    levels.values().forEach(level -> availableNow.merge(level.sku(), level.onHand(), Integer::sum));
    stockChanged.fire(new StockChanged(availableNow));
  }

  private static String rowName(StockLevel level) {
    return level.sku() + "@" + level.warehouseCode();
  }

  public Warehouse defineWarehouse(String code, String name, int priority) {
    Warehouse existing = em.find(Warehouse.class, code);
    if (existing != null) {
      return existing;
    }
    Warehouse warehouse = new Warehouse(code, name, priority);
    em.persist(warehouse);
    return warehouse;
  }
}
