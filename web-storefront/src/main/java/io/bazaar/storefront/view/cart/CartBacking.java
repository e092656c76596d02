package io.bazaar.storefront.view.cart;

import io.bazaar.cart.boundary.CartView;
import io.bazaar.storefront.view.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cart page: its lines priced now, quantities to change, lines to remove. */
@Named
@RequestScoped
public class CartBacking {

  @Inject ShoppingCart shoppingCart;

  private CartView cart;

  /** The quantity fields of the form, by SKU, filled with the cart's quantities. */
  private Map<String, Integer> quantities;

  public CartView getCart() {
    if (cart == null) {
      cart = shoppingCart.current().orElse(null);
    }
    return cart;
  }

  public List<CartView.Line> getLines() {
    return getCart() == null ? List.of() : getCart().lines();
  }

  public boolean isCartEmpty() {
    return getLines().isEmpty();
  }

  /** False when a line can no longer be bought: the shopper removes it before checking out. */
  public boolean isReadyForCheckout() {
    return !isCartEmpty() && getLines().stream().allMatch(CartView.Line::purchasable);
  }

  public Map<String, Integer> getQuantities() {
    if (quantities == null) {
      quantities = new HashMap<>();
      getLines().forEach(line -> quantities.put(line.sku(), line.quantity()));
    }
    return quantities;
  }

  /** Sets the line's quantity to what its field holds; 0 removes the line. */
  public String changeQuantity(String sku) {
    Integer quantity = getQuantities().get(sku);
    if (quantity == null) {
      PageMessages.error("Enter a quantity.");
      return null;
    }
    try {
      cart = shoppingCart.changeQuantity(sku, quantity);
      PageMessages.info(quantity == 0 ? "Removed from your cart." : "Quantity updated.");
      return "/cart/index?faces-redirect=true";
    } catch (IllegalArgumentException | IllegalStateException refused) {
      PageMessages.error(refused.getMessage());
      return null;
    }
  }

  public String remove(String sku) {
    try {
      cart = shoppingCart.remove(sku);
      PageMessages.info("Removed from your cart.");
      return "/cart/index?faces-redirect=true";
    } catch (IllegalArgumentException | IllegalStateException refused) {
      PageMessages.error(refused.getMessage());
      return null;
    }
  }
}
