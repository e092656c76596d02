package io.bazaar.cart.boundary;

import io.bazaar.cart.entity.Cart;
import io.bazaar.cart.entity.CartLine;
import io.bazaar.catalog.boundary.Catalog;
import io.bazaar.catalog.boundary.CatalogViews.PricedSku;
import io.bazaar.persistence.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guest and customer carts. Every change locks the cart row, so two tabs changing one cart apply
 * one after the other instead of losing an update; a checkout holds the same lock, so a cart cannot
 * change while it is being turned into an order.
 */
@Stateless
public class Carts {

  @PersistenceContext(unitName = "cart")
  EntityManager em;

  @Inject Catalog catalog;

  @Inject
  @ConfigProperty(name = "bazaar.currency", defaultValue = "EUR")
  String currency;

  public CartView create() {
    Cart cart = Cart.open();
    em.persist(cart);
    return view(cart);
  }

  public CartView find(UUID id) {
    return view(load(id, LockModeType.NONE));
  }

  public CartView add(UUID id, String sku, int quantity) {
    requireForSale(sku);
    Cart cart = load(id, LockModeType.PESSIMISTIC_WRITE);
    cart.add(sku, quantity);
    return view(cart);
  }

  public CartView changeQuantity(UUID id, String sku, int quantity) {
    Cart cart = load(id, LockModeType.PESSIMISTIC_WRITE);
    cart.changeQuantity(sku, quantity);
    return view(cart);
  }

  public CartView remove(UUID id, String sku) {
    Cart cart = load(id, LockModeType.PESSIMISTIC_WRITE);
    cart.remove(sku);
    return view(cart);
  }

  /**
   * Closes the cart for checkout and answers its SKUs and quantities in cart order. Joins the
   * caller's transaction: if the order is not placed, the cart stays open.
   */
  public Map<String, Integer> checkOut(UUID id) {
    Cart cart = load(id, LockModeType.PESSIMISTIC_WRITE);
    cart.checkOut();
    Map<String, Integer> quantities = new LinkedHashMap<>();
    cart.lines().forEach(line -> quantities.put(line.sku(), line.quantity()));
    return quantities;
  }

  private void requireForSale(String sku) {
    PricedSku priced = catalog.priced(List.of(sku)).get(sku);
    if (priced == null || !priced.purchasable()) {
      throw new UnknownProduct(sku);
    }
  }

  private Cart load(UUID id, LockModeType lock) {
    Cart cart = em.find(Cart.class, id, lock);
    if (cart == null) {
      throw new CartNotFound(id);
    }
    return cart;
  }

  private CartView view(Cart cart) {
    Map<String, PricedSku> prices =
        catalog.priced(cart.lines().stream().map(CartLine::sku).toList());
    List<CartView.Line> lines = new ArrayList<>();
    Money subtotal = Money.zero(currency);
    int items = 0;
    for (CartLine line : cart.lines()) {
      PricedSku priced = prices.get(line.sku());
      boolean purchasable = priced != null && priced.purchasable();
      Money lineTotal =
          priced == null ? Money.zero(currency) : priced.price().times(line.quantity());
      if (purchasable) {
        subtotal = subtotal.plus(lineTotal);
        items += line.quantity();
      }
      lines.add(
          new CartView.Line(
              line.sku(),
              priced == null ? null : priced.productName(),
              priced == null ? null : priced.label(),
              priced == null ? null : priced.price(),
              line.quantity(),
              lineTotal,
              purchasable));
    }
    return new CartView(cart.id(), cart.status().name(), lines, subtotal, items, cart.updatedAt());
  }
}
