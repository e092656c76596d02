package io.bazaar.admin.view.products;

import io.bazaar.admin.security.CurrentAdmin;
import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.storefront.StorefrontRefused;
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
public class ProductsBacking {

  public static final int PAGE_SIZE = 25;
  private static final Set<String> STATUSES = Set.of("draft", "active", "archived");

  @Inject ShopProducts shopProducts;
  @Inject CurrentAdmin currentAdmin;
  @Inject FacesContext faces;

  private String text;
  private String status;
  private int page;
  private Listing products;
  private String problem;

  @PostConstruct
  void readRequest() {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    text = parameters.getOrDefault("q", "").strip();
    String requested = parameters.getOrDefault("status", "").toLowerCase(Locale.ROOT);
    status = STATUSES.contains(requested) ? requested : "";
    try {
      page = Math.max(0, Integer.parseInt(parameters.getOrDefault("page", "0")));
    } catch (NumberFormatException notANumber) {
      page = 0;
    }
  }

  private Listing products() {
    if (products == null && problem == null) {
      try {
        products =
            shopProducts.products(
                currentAdmin.bearer(),
                text.isEmpty() ? null : text,
                status.isEmpty() ? null : status,
                page,
                PAGE_SIZE);
      } catch (StorefrontRefused unavailable) {
        problem = unavailable.getMessage();
      }
    }
    return products;
  }

  public List<JsonObject> getProducts() {
    return products() == null ? List.of() : products().items();
  }

  public String getProblem() {
    products();
    return problem;
  }

  public long getTotal() {
    return products() == null ? 0 : products().total();
  }

  public String getText() {
    return text;
  }

  public String getStatus() {
    return status;
  }

  public int getPage() {
    return page;
  }

  public boolean isFirstPage() {
    return page == 0;
  }

  public boolean isLastPage() {
    return products() == null || products().isLastPage();
  }

  public long getPageCount() {
    return products() == null ? 0 : products().pageCount();
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
