package io.bazaar.ordering.boundary;

import io.bazaar.cart.boundary.Carts;
import io.bazaar.cart.boundary.UnknownProduct;
import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.PricedSku;
import io.bazaar.inventory.boundary.OutOfStock;
import io.bazaar.inventory.boundary.Stock;
import io.bazaar.ordering.control.CheckoutAdmission;
import io.bazaar.ordering.control.OrderEvents;
import io.bazaar.ordering.entity.Order;
import io.bazaar.ordering.entity.OrderLine;
import io.bazaar.ordering.entity.OrderNumber;
import io.bazaar.ordering.entity.ShippingAddress;
import io.bazaar.payment.boundary.Payments;
import io.bazaar.payment.control.PaymentGateway.Authorization;
import io.bazaar.persistence.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Turns a cart into an order in one JTA transaction over three resource managers and the queue: the
 * order (orders database), the stock decrement (inventory database), the payment record (payments
 * database) and the OrderPlaced message (Artemis) commit together with two-phase commit, or none of
 * them happens — also across a crash, through the transaction log's recovery.
 *
 * <p>The card authorization cannot join the transaction: it is made before any stock row is locked,
 * and voided after completion if the transaction rolls back.
 */
@Stateless
public class Checkout {

  @PersistenceContext(unitName = "ordering")
  EntityManager em;

  @Inject Carts carts;
  @Inject Catalog catalog;
  @Inject Stock stock;
  @Inject Payments payments;
  @Inject OrderEvents events;
  @Inject CheckoutAdmission admission;

  @Resource SessionContext context;

  public record Receipt(OrderView order, boolean replayed) {}

  /**
   * Places the order, or answers the one an earlier request with the same key placed. A retry that
   * races the first attempt (a double click, a client retrying after a lost answer) waits for the
   * cart's lock or loses at the key's unique index, and fails; by then the first attempt has
   * committed, so the retry answers its order, in a transaction of its own.
   *
   * <p>Runs in its turn among the member's checkouts ({@link CheckoutAdmission}), transaction and
   * commit included; throws {@link CheckoutBusy} before touching anything if no turn comes in time.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Receipt placeOrReplay(PlaceOrder request) {
    return admission.inTurn(() -> placeOrReplayNow(request));
  }

  private Receipt placeOrReplayNow(PlaceOrder request) {
    Checkout self = context.getBusinessObject(Checkout.class);
    try {
      return self.placeOrder(request);
    } catch (ConcurrentCheckout | IllegalStateException lostTheRace) {
      if (request.idempotencyKey() == null) {
        throw lostTheRace;
      }
      return self.replay(request.idempotencyKey(), request.fingerprint())
          .orElseThrow(() -> lostTheRace);
    }
  }

  @Counted(name = "checkouts", absolute = true, description = "Checkout attempts")
  @Timed(name = "checkout-duration", absolute = true, description = "Time to place an order")
  public Receipt placeOrder(PlaceOrder request) {
    requireKey(request.idempotencyKey());
    String fingerprint = request.fingerprint();
    Optional<Receipt> earlier = replay(request.idempotencyKey(), fingerprint);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (request.cartId() == null) {
      throw new IllegalArgumentException("cartId is required");
    }
    String email = Order.normalizeEmail(request.email());
    ShippingAddress address = addressOf(request.shippingAddress());

    Map<String, Integer> quantities = carts.checkOut(request.cartId());
    List<OrderLine> lines = price(quantities);
    Money total = Order.totalOf(lines);
    requireAvailable(quantities);

    String number = OrderNumber.next();
    Authorization authorization = payments.authorize(total, request.paymentToken(), number);
    stock.takeForOrder(number, quantities);
    Order order =
        Order.place(
            number,
            request.idempotencyKey(),
            fingerprint,
            email,
            address,
            lines,
            authorization.id());
    em.persist(order);
    flushDetectingRace(request.idempotencyKey());
    payments.record(number, authorization);
    events.orderPlaced(eventOf(order));
    return new Receipt(OrderView.of(order, "AUTHORIZED"), false);
  }

  /** The order an earlier request with this key placed, if the request was the same. */
  public Optional<Receipt> replay(String idempotencyKey, String fingerprint) {
    return em.createQuery("select o from Order o where o.idempotencyKey = :key", Order.class)
        .setParameter("key", idempotencyKey)
        .getResultStream()
        .findFirst()
        .map(
            order -> {
              if (!order.wasRequestedBy(fingerprint)) {
                throw new IdempotencyKeyReused(idempotencyKey);
              }
              String paymentStatus =
                  payments.ofOrder(order.number()).map(p -> p.status()).orElse("UNKNOWN");
              return new Receipt(OrderView.of(order, paymentStatus), true);
            });
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw new MissingIdempotencyKey();
    }
    if (key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("Idempotency-Key must be 1-100 visible ASCII characters");
    }
  }

  private static ShippingAddress addressOf(PlaceOrder.Address a) {
    if (a == null) {
      throw new IllegalArgumentException("a shipping address is required");
    }
    return new ShippingAddress(
        a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country());
  }

  /** Prices every line from the catalog now; the client never sends prices. */
  private List<OrderLine> price(Map<String, Integer> quantities) {
    Map<String, PricedSku> prices = catalog.priced(quantities.keySet());
    List<OrderLine> lines = new ArrayList<>();
    quantities.forEach(
        (sku, quantity) -> {
          PricedSku priced = prices.get(sku);
          if (priced == null || !priced.purchasable()) {
            throw new UnknownProduct(sku);
          }
          lines.add(new OrderLine(sku, priced.productName(), quantity, priced.price()));
        });
    return lines;
  }

  /**
   * A cheap check without locks, so that an obviously short cart fails before the card is
   * authorized. The binding check is {@link Stock#takeForOrder}, under row locks.
   */
  private void requireAvailable(Map<String, Integer> quantities) {
    Map<String, Integer> available = stock.available(quantities.keySet());
    List<OutOfStock.Shortage> shortages = new ArrayList<>();
    quantities.forEach(
        (sku, wanted) -> {
          int onHand = available.getOrDefault(sku, 0);
          if (onHand < wanted) {
            shortages.add(new OutOfStock.Shortage(sku, wanted, onHand));
          }
        });
    if (!shortages.isEmpty()) {
      throw new OutOfStock(shortages);
    }
  }

  private void flushDetectingRace(String idempotencyKey) {
    try {
      em.flush();
    } catch (PersistenceException duplicate) {
      if (isUniqueViolation(duplicate)) {
        throw new ConcurrentCheckout(idempotencyKey);
      }
      throw duplicate;
    }
  }

  private static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static OrderPlaced eventOf(Order order) {
    return new OrderPlaced(
        order.number(),
        order.email(),
        order.shippingAddress().name(),
        order.lines().stream()
            .map(
                l ->
                    new OrderPlaced.Line(
                        l.sku(),
                        l.productName(),
                        l.quantity(),
                        l.unitPrice().getAmount().toPlainString(),
                        l.lineTotal().getAmount().toPlainString()))
            .toList(),
        order.total().getAmount().toPlainString(),
        order.total().getCurrency(),
        order.placedAt());
  }
}
