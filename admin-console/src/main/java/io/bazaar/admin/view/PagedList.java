package io.bazaar.admin.view;

import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.storefront.StorefrontRefused;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What every list page of the back office shares: the page number from the address, one page loaded
 * from the storefront's API at most once per request, and the API's refusal as the page's problem
 * instead of a failure.
 */
public abstract class PagedList {

  private int page;
  private Listing listing;
  private String problem;

  /** Takes the page number from the request; anything not a number of 0 or more is the first. */
  protected void readPage(Map<String, String> parameters) {
    try {
      page = Math.max(0, Integer.parseInt(parameters.getOrDefault("page", "0")));
    } catch (NumberFormatException notANumber) {
      page = 0;
    }
  }

  /** The page of the list, from the API. */
  protected abstract Listing load(int page);

  /** Forgets the loaded page, after a change to the list: the next read loads it anew. */
  protected void reload() {
    listing = null;
  }

  private Listing listing() {
    if (listing == null && problem == null) {
      try {
        listing = load(page);
      } catch (StorefrontRefused unavailable) {
        problem = unavailable.getMessage();
      }
    }
    return listing;
  }

  protected List<JsonObject> items() {
    return listing() == null ? List.of() : listing().items();
  }

  public String getProblem() {
    listing();
    return problem;
  }

  public long getTotal() {
    return listing() == null ? 0 : listing().total();
  }

  public int getPage() {
    return page;
  }

  public boolean isFirstPage() {
    return page == 0;
  }

  public boolean isLastPage() {
    return listing() == null || listing().isLastPage();
  }

  public long getPageCount() {
    return listing() == null ? 0 : listing().pageCount();
  }
}
