package io.bazaar.storefront.view;

import io.bazaar.storefront.view.account.SignedInCustomer;
import io.bazaar.storefront.view.cart.ShoppingCart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page shows of the visitor's session (signed in or not, the cart's count) without
 * starting a session for a visitor who has none. Asking the session-scoped beans directly would
 * create one on every page a crawler reads, and on a cluster each new session goes to the data grid
 * and stays there until it times out.
 */
@Named
@RequestScoped
public class Visitor {

  @Inject HttpServletRequest request;

  @Inject SignedInCustomer customer;

  @Inject ShoppingCart cart;

  public boolean isSignedIn() {
    return hasSession() && customer.isSignedIn();
  }

  public String getDisplayName() {
    return isSignedIn() ? customer.getDisplayName() : null;
  }

  /** Units in the cart, for the header. */
  public int getCartItemCount() {
    return hasSession() ? cart.getItemCount() : 0;
  }

  private boolean hasSession() {
    return request.getSession(false) != null;
  }
}
