package io.bazaar.storefront.view.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The address of a search page: its query parameters in a stable order, and the same search with
 * one facet value toggled, the sort changed or another page. Every link of the page is a plain GET
 * URL, so a shopper can bookmark, share and go back to any search.
 */
public final class SearchLink {

  static final String PATH = "/search/index.xhtml";

  private final String contextPath;
  private final Map<String, List<String>> parameters;

  SearchLink(String contextPath, Map<String, List<String>> parameters) {
    this.contextPath = contextPath;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            copy.put(name, List.copyOf(values));
          }
        });
    this.parameters = copy;
  }

  /** Adds the value when it is not selected, removes it when it is; back to the first page. */
  public SearchLink toggled(String name, String value) {
    Map<String, List<String>> next = firstPage();
    List<String> values = new ArrayList<>(next.getOrDefault(name, List.of()));
    if (!values.remove(value)) {
      values.add(value);
    }
    next.put(name, values);
    return new SearchLink(contextPath, next);
  }

  /** Replaces every value of the parameter with this one (null removes it); first page. */
  public SearchLink with(String name, String value) {
    Map<String, List<String>> next = firstPage();
    next.put(name, value == null ? List.of() : List.of(value));
    return new SearchLink(contextPath, next);
  }

  public SearchLink page(int page) {
    Map<String, List<String>> next = new LinkedHashMap<>(parameters);
    next.put("page", page == 0 ? List.of() : List.of(Integer.toString(page)));
    return new SearchLink(contextPath, next);
  }

  /** Only the words: what "clear all filters" leads to. */
  public SearchLink wordsOnly() {
    return new SearchLink(contextPath, Map.of("q", parameters.getOrDefault("q", List.of())));
  }

  private Map<String, List<String>> firstPage() {
    Map<String, List<String>> next = new LinkedHashMap<>(parameters);
    next.remove("page");
    return next;
  }

  public String href() {
    String query =
        parameters.entrySet().stream()
            .flatMap(
                entry ->
                    entry.getValue().stream()
                        .map(value -> encode(entry.getKey()) + "=" + encode(value)))
            .collect(Collectors.joining("&"));
    return contextPath + PATH + (query.isEmpty() ? "" : "?" + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return href();
  }
}
