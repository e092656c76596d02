package io.bazaar.storefront.view.order;

import io.bazaar.ordering.boundary.OrderNotFound;
import io.bazaar.ordering.boundary.OrderView;
import io.bazaar.ordering.boundary.Orders;
import io.bazaar.storefront.view.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * Order tracking: an order this session placed or looked up, or the form to look one up by its
 * number and the e-mail address it was placed with. A wrong pair gets one message for both cases,
 * so the form tells nobody which order numbers exist.
 */
@Named
@RequestScoped
public class OrderBacking {

  @Inject Orders orders;

  @Inject PlacedOrders placedOrders;

  private String number;
  private String email;
  private OrderView order;

  /** The view action: shows the order when this session may see it. */
  public void load() {
    if (number != null && placedOrders.mayShow(number)) {
      try {
        order = orders.find(number);
      } catch (OrderNotFound gone) {
        order = null;
      }
    }
  }

  public String lookUp() {
    String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    try {
      OrderView found = orders.find(wanted);
      if (email != null && found.email().equalsIgnoreCase(email.strip())) {
        placedOrders.remember(found.number());
        return "/orders/index?faces-redirect=true&number=" + found.number();
      }
    } catch (OrderNotFound | IllegalArgumentException unknown) {
      // The same answer as for a wrong e-mail address, below.
    }
    PageMessages.error("No order with that number and e-mail address.");
    return null;
  }

  public OrderView getOrder() {
    return order;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
