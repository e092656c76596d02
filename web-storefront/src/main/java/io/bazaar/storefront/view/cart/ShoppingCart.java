package io.bazaar.storefront.view.cart;

import io.bazaar.cart.boundary.CartNotFound;
import io.bazaar.cart.boundary.CartView;
import io.bazaar.cart.boundary.Carts;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * The browser shopper's guest cart: the session holds only the cart's id, the cart itself lives in
 * the cart database (so it survives a member's crash and is priced from the catalog on each read).
 * A cart that was checked out or has expired is replaced by a new one at the next addition.
 */
@Named
@SessionScoped
public class ShoppingCart implements Serializable {

  private static final long serialVersionUID = 1L;

  // Not transient: the container's proxy is serializable, and a session that moves to another
  // member
  // must arrive with it (a transient field would arrive null).
  @Inject Carts carts;

  private UUID cartId;

  /** The open cart, if this session has one. */
  public Optional<CartView> current() {
    if (cartId == null) {
      return Optional.empty();
    }
    try {
      CartView cart = carts.find(cartId);
      return "OPEN".equals(cart.status()) ? Optional.of(cart) : Optional.empty();
    } catch (CartNotFound expired) {
      cartId = null;
      return Optional.empty();
    }
  }

  public CartView add(String sku, int quantity) {
    if (current().isEmpty()) {
      cartId = carts.create().id();
    }
    return carts.add(cartId, sku, quantity);
  }

  public CartView changeQuantity(String sku, int quantity) {
    return carts.changeQuantity(requireCart(), sku, quantity);
  }

  public CartView remove(String sku) {
    return carts.remove(requireCart(), sku);
  }

  /** Units in the cart, for the header. */
  public int getItemCount() {
    return current().map(CartView::itemCount).orElse(0);
  }

  public Optional<UUID> cartId() {
    return Optional.ofNullable(cartId);
  }

  /** After an order from this cart: the next addition opens a new cart. */
  public void checkedOut(UUID orderedCart) {
    if (orderedCart.equals(cartId)) {
      cartId = null;
    }
  }

  private UUID requireCart() {
    if (cartId == null) {
      throw new IllegalStateException("your cart is empty");
    }
    return cartId;
  }
}
