package io.bazaar.storefront.view.checkout;

import io.bazaar.cart.boundary.CartNotFound;
import io.bazaar.cart.boundary.CartView;
import io.bazaar.inventory.boundary.OutOfStock;
import io.bazaar.ordering.boundary.Checkout;
import io.bazaar.ordering.boundary.Checkout.Receipt;
import io.bazaar.ordering.boundary.CheckoutBusy;
import io.bazaar.ordering.boundary.IdempotencyKeyReused;
import io.bazaar.ordering.boundary.PlaceOrder;
import io.bazaar.payment.boundary.PaymentDeclined;
import io.bazaar.payment.boundary.PaymentProviderUnavailable;
import io.bazaar.storefront.view.PageMessages;
import io.bazaar.storefront.view.account.SignedInCustomer;
import io.bazaar.storefront.view.cart.ShoppingCart;
import io.bazaar.storefront.view.order.PlacedOrders;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.JMSRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The checkout form: e-mail address, shipping address and card, then one atomic order (the same
 * {@link Checkout} as the API's). The form carries an idempotency key made when it was first shown:
 * a second click, a reload of the POST or a retry after a lost answer places nothing twice and
 * leads to the same order.
 */
@Named
@RequestScoped
public class CheckoutBacking {

  /**
   * The payment sandbox's test cards. A real deployment tokenizes the card in the provider's own
   * form and posts only its token here.
   */
  private static final Map<String, String> TEST_CARDS = new LinkedHashMap<>();

  static {
    TEST_CARDS.put("tok_visa", "Test card: Visa ending 4242 (approved)");
    TEST_CARDS.put("tok_declined", "Test card: ending 0002 (declined)");
  }

  @Inject SignedInCustomer signedIn;

  @Inject Checkout checkout;

  @Inject ShoppingCart shoppingCart;

  @Inject PlacedOrders placedOrders;

  private String idempotencyKey;

  /**
   * The cart being checked out, carried by the form like the key: a second submission of the same
   * form then names the same cart and key and gets the first one's order, even after the session
   * has moved on to a new cart. Cart ids are unguessable, as in the API.
   */
  private String cartId;

  private String email;
  private String name;
  private String line1;
  private String line2;
  private String city;
  private String postalCode;
  private String country = "DE";
  private String card = "tok_visa";

  private CartView cart;

  /**
   * The views are stateless, and a hidden component would lose its value when the form comes back
   * with a field to correct; so the key and cart id travel as plain request parameters.
   */
  @PostConstruct
  void readFormOfPostback() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    idempotencyKey = parameters.get("idempotencyKey");
    cartId = parameters.get("cartId");
  }

  /** The view action: an empty cart has nothing to check out. */
  public String load() {
    if (getCart() == null || getCart().lines().isEmpty()) {
      return "/cart/index?faces-redirect=true";
    }
    // Only a postback carries the key on: every newly shown form is a new attempt.
    idempotencyKey = UUID.randomUUID().toString();
    cartId = getCart().id().toString();
    if (email == null && signedIn.isSignedIn()) {
      email = signedIn.getEmail();
    }
    return null;
  }

  public String placeOrder() {
    UUID checkedOut = parsedCartId();
    if (checkedOut == null || idempotencyKey == null) {
      PageMessages.errorOnNextPage("Your cart is empty.");
      return "/cart/index?faces-redirect=true";
    }
    PlaceOrder request =
        new PlaceOrder(
            idempotencyKey,
            checkedOut,
            email,
            new PlaceOrder.Address(name, line1, line2, city, postalCode, country),
            card);
    Receipt receipt;
    try {
      receipt = checkout.placeOrReplay(request);
    } catch (RuntimeException failure) {
      String message = messageFor(unwrap(failure));
      if (message == null) {
        throw failure;
      }
      PageMessages.error(message);
      return null;
    }
    String number = receipt.order().number();
    placedOrders.remember(number);
    shoppingCart.checkedOut(checkedOut);
    PageMessages.info("Thank you! Your order " + number + " is placed.");
    return "/orders/index?faces-redirect=true&number=" + number;
  }

  private UUID parsedCartId() {
    try {
      return cartId == null ? null : UUID.fromString(cartId);
    } catch (IllegalArgumentException notACartId) {
      return null;
    }
  }

  /**
   * What the shopper can do about a refused order; null for the unexpected, which goes to the error
   * page (and the server's log).
   */
  private String messageFor(Throwable failure) {
    if (failure instanceof OutOfStock outOfStock) {
      return "Not enough in stock: "
          + outOfStock.shortages().stream()
              .map(
                  s ->
                      productNamed(s.sku())
                          + ": "
                          + s.available()
                          + " left, you asked for "
                          + s.requested())
              .collect(Collectors.joining("; "))
          + ". Change the quantities in your cart.";
    }
    if (failure instanceof PaymentDeclined) {
      return "Your card was declined. Nothing was charged; try another card.";
    }
    if (failure instanceof PaymentProviderUnavailable
        || failure instanceof JMSRuntimeException
        || failure instanceof CheckoutBusy) {
      return "We could not place your order just now. Nothing was charged; please try again.";
    }
    if (failure instanceof IdempotencyKeyReused) {
      return "This form was already used for another order. Reload the page to start again.";
    }
    if (failure instanceof CartNotFound) {
      return "Your cart has expired. Add the products again.";
    }
    if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
      return capitalized(failure.getMessage()) + ".";
    }
    return null;
  }

  /** The shopper knows the product by its name and variant, not by its SKU. */
  private String productNamed(String sku) {
    return getCart() == null
        ? sku
        : getCart().lines().stream()
            .filter(line -> line.sku().equals(sku))
            .map(line -> line.productName() + " (" + line.label() + ")")
            .findFirst()
            .orElse(sku);
  }

  private static Throwable unwrap(RuntimeException failure) {
    Throwable cause = failure;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String capitalized(String text) {
    return text == null || text.isEmpty()
        ? "The order was refused"
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  public CartView getCart() {
    if (cart == null) {
      cart = shoppingCart.current().orElse(null);
    }
    return cart;
  }

  public Map<String, String> getTestCards() {
    return TEST_CARDS;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public String getCartId() {
    return cartId;
  }

  public void setCartId(String cartId) {
    this.cartId = cartId;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLine1() {
    return line1;
  }

  public void setLine1(String line1) {
    this.line1 = line1;
  }

  public String getLine2() {
    return line2;
  }

  public void setLine2(String line2) {
    this.line2 = line2;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getCard() {
    return card;
  }

  public void setCard(String card) {
    this.card = card;
  }
}
