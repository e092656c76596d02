package io.bazaar.admin.view.products;

import io.bazaar.admin.security.CurrentAdmin;
import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.view.PagedList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as editors see it: every product in any status, found by part of its name or slug,
 * most recently changed first, a page at a time. The filter is in the address (a GET form), so a
 * list can be bookmarked and shared.
 */
@Named
@RequestScoped
public class ProductsBacking extends PagedList {

  public static final int PAGE_SIZE = 25;
  private static final Set<String> STATUSES = Set.of("draft", "active", "archived");

  @Inject ShopProducts shopProducts;
  @Inject CurrentAdmin currentAdmin;
  @Inject FacesContext faces;

  private String text;
  private String status;

  @PostConstruct
  void readRequest() {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    text = parameters.getOrDefault("q", "").strip();
    String requested = parameters.getOrDefault("status", "").toLowerCase(Locale.ROOT);
    status = STATUSES.contains(requested) ? requested : "";
    readPage(parameters);
  }

  @Override
  protected Listing load(int page) {
    return shopProducts.products(
        currentAdmin.bearer(),
        text.isEmpty() ? null : text,
        status.isEmpty() ? null : status,
        page,
        PAGE_SIZE);
  }

  public List<JsonObject> getProducts() {
    return items();
  }

  public String getText() {
    return text;
  }

  public String getStatus() {
    return status;
  }

  /** "79.00 EUR", or a dash for a product without variants (a draft being set up). */
  public String price(JsonObject product) {
    if (!product.containsKey("fromPrice") || product.isNull("fromPrice")) {
      return "—";
    }
    JsonObject price = product.getJsonObject("fromPrice");
    return price.getString("amount") + " " + price.getString("currency");
  }
}
