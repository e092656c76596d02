package io.bazaar.storefront.view.order;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders this browser session may see without asking for the e-mail address again: those it
 * placed, and those it looked up with their number and e-mail address. An order number alone shows
 * nothing: numbers are printed on parcels and receipts.
 */
@SessionScoped
public class PlacedOrders implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int MAX_REMEMBERED = 50;

  private final List<String> numbers = new ArrayList<>();

  public synchronized void remember(String number) {
    numbers.remove(number);
    numbers.add(0, number);
    if (numbers.size() > MAX_REMEMBERED) {
      numbers.remove(numbers.size() - 1);
    }
  }

  public synchronized boolean mayShow(String number) {
    return numbers.contains(number);
  }
}
