package io.bazaar.storefront.view.search;

import io.bazaar.catalog.boundary.ProductQuery;
import io.bazaar.catalog.boundary.ProductQuery.PriceRange;
import io.bazaar.catalog.boundary.ProductSearch;
import io.bazaar.catalog.boundary.SearchViews.FacetValue;
import io.bazaar.catalog.boundary.SearchViews.SearchResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search and category page: words, facets with counts (several values of one facet mean any of
 * them), sort and pages, all carried in the URL's query parameters (the same names as the API's
 * {@code /api/v1/search}). A parameter no honest link produces gets a message, not an error page.
 */
@Named
@RequestScoped
public class SearchBacking {

  static final int PAGE_SIZE = 24;

  /** Facet names of the search result, in the order shown, with their headings. */
  private static final Map<String, String> FACET_HEADINGS = new LinkedHashMap<>();

  static {
    FACET_HEADINGS.put("category", "Category");
    FACET_HEADINGS.put("brand", "Brand");
    FACET_HEADINGS.put("price", "Price");
    FACET_HEADINGS.put("colour", "Colour");
    FACET_HEADINGS.put("variantSize", "Size");
    FACET_HEADINGS.put("rating", "Customer rating");
    FACET_HEADINGS.put("availability", "Availability");
  }

  private static final List<String> PARAMETERS =
      List.of(
          "q",
          "category",
          "brand",
          "price",
          "colour",
          "variantSize",
          "rating",
          "inStock",
          "sort",
          "page");

  /** A sort order as a link: what it is called and whether it is the current one. */
  public record SortOption(String label, String href, boolean selected) {}

  /** One facet value as a link that selects or deselects it. */
  public record FacetLink(String label, long count, boolean selected, String href) {}

  public record FacetGroup(String name, String heading, List<FacetLink> values) {}

  @Inject ProductSearch search;

  private Map<String, List<String>> parameters = Map.of();
  private SearchLink link;
  private String error;
  private SearchResult result;

  @PostConstruct
  void search() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Map<String, String[]> given = external.getRequestParameterValuesMap();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String[] values = given.get(name);
      if (values != null) {
        kept.put(name, Arrays.stream(values).filter(v -> !v.isBlank()).toList());
      }
    }
    parameters = kept;
    link = new SearchLink(external.getRequestContextPath(), kept);
    try {
      result = search.search(query(kept));
    } catch (IllegalArgumentException invalid) {
      // Application exceptions (WEB-INF/ejb-jar.xml): they reach here unwrapped.
      String message =
          invalid.getMessage() == null ? "this search is not valid" : invalid.getMessage();
      error = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
  }

  private static ProductQuery query(Map<String, List<String>> parameters) {
    return new ProductQuery(
        first(parameters, "q"),
        values(parameters, "category"),
        values(parameters, "brand"),
        parameters.getOrDefault("price", List.of()).stream().map(PriceRange::parse).toList(),
        values(parameters, "colour"),
        values(parameters, "variantSize"),
        whole(first(parameters, "rating"), "rating"),
        "true".equals(first(parameters, "inStock")),
        ProductQuery.Sort.parse(first(parameters, "sort")),
        page(first(parameters, "page")),
        PAGE_SIZE);
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  private static Set<String> values(Map<String, List<String>> parameters, String name) {
    return new HashSet<>(parameters.getOrDefault(name, List.of()));
  }

  private static Integer whole(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }

  /** Pages are numbered from 1 in the address, as shoppers count them. */
  private static int page(String value) {
    Integer page = whole(value, "page");
    if (page == null) {
      return 0;
    }
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more");
    }
    return page - 1;
  }

  public String getError() {
    return error;
  }

  public SearchResult getResult() {
    return result;
  }

  public boolean isFound() {
    return result != null && result.products().total() > 0;
  }

  /** The words searched for (corrected when the typed ones found nothing). */
  public String getWords() {
    return result == null ? "" : result.query();
  }

  /** What the shopper typed, for the search box. */
  public String getTyped() {
    String typed = first(parameters, "q");
    return typed == null ? "" : typed;
  }

  public String getDidYouMeanHref() {
    return result == null || result.didYouMean() == null
        ? null
        : link.with("q", result.didYouMean()).href();
  }

  public List<FacetGroup> getFacets() {
    if (result == null) {
      return List.of();
    }
    List<FacetGroup> groups = new ArrayList<>();
    FACET_HEADINGS.forEach(
        (name, heading) -> {
          List<FacetLink> links = new ArrayList<>();
          for (FacetValue value : result.facets().getOrDefault(name, List.of())) {
            if (value.count() > 0 || value.selected()) {
              links.add(
                  new FacetLink(value.label(), value.count(), value.selected(), href(name, value)));
            }
          }
          if (!links.isEmpty()) {
            groups.add(new FacetGroup(name, heading, links));
          }
        });
    return groups;
  }

  private String href(String facet, FacetValue value) {
    return switch (facet) {
      // One minimum rating at a time: choosing another replaces it.
      case "rating" -> link.with("rating", value.selected() ? null : value.value()).href();
      case "availability" -> link.with("inStock", value.selected() ? null : "true").href();
      default -> link.toggled(facet, value.value()).href();
    };
  }

  public boolean isFiltered() {
    return result != null
        && result.facets().values().stream().flatMap(List::stream).anyMatch(FacetValue::selected);
  }

  public String getClearFiltersHref() {
    return link.wordsOnly().href();
  }

  public List<SortOption> getSortOptions() {
    String current = first(parameters, "sort");
    ProductQuery.Sort selected =
        error == null ? ProductQuery.Sort.parse(current) : ProductQuery.Sort.RELEVANCE;
    List<SortOption> options = new ArrayList<>();
    Map<ProductQuery.Sort, String> labels = new LinkedHashMap<>();
    labels.put(ProductQuery.Sort.RELEVANCE, "Best match");
    labels.put(ProductQuery.Sort.PRICE_ASC, "Price: low to high");
    labels.put(ProductQuery.Sort.PRICE_DESC, "Price: high to low");
    labels.put(ProductQuery.Sort.NEWEST, "Newest");
    labels.put(ProductQuery.Sort.RATING, "Customer rating");
    labels.forEach(
        (sort, label) ->
            options.add(
                new SortOption(
                    label,
                    link.with(
                            "sort",
                            sort == ProductQuery.Sort.RELEVANCE
                                ? null
                                : sort.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .href(),
                    sort == selected)));
    return options;
  }

  /** The shopper's page number, from 1. */
  public int getPageNumber() {
    return result == null ? 1 : result.products().page() + 1;
  }

  public long getPageCount() {
    if (result == null) {
      return 0;
    }
    long reachable = ProductQuery.MAX_RESULT_WINDOW / PAGE_SIZE;
    return Math.min(result.products().totalPages(), reachable);
  }

  public String getPreviousHref() {
    return getPageNumber() > 1 ? link.page(getPageNumber() - 2).href() : null;
  }

  public String getNextHref() {
    return getPageNumber() < getPageCount() ? link.page(getPageNumber()).href() : null;
  }
}
