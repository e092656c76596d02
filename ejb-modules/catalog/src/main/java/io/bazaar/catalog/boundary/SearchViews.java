package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import io.bazaar.catalog.boundary.CatalogViews.ProductSummary;
import io.bazaar.persistence.Page;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What product search answers: hits, facets with counts, and corrections of typos. */
public final class SearchViews {

  private SearchViews() {}

  /**
   * One value of a facet: what to send back to select it, what to show, how many products would
   * match with it, and whether it is selected now.
   */
  public record FacetValue(String value, String label, long count, boolean selected) {
    /** The value's and the count's: see {@link CatalogViews.ProductDetail#hashCode}. */
    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(value) + Long.hashCode(count);
    }
  }

  /**
   * The corrections are written as JSON null when there is none: every answer has the same fields.
   *
   * @param query the words searched for (after correction)
   * @param correctedFrom what the shopper typed, when nothing matched it and the corrected words
   *     did ("showing results for ...")
   * @param didYouMean a correction to offer when even the corrected words found nothing
   * @param facets per facet name (category, brand, price, colour, variantSize, rating,
   *     availability) its values; counts within a facet ignore that facet's own selection
   *     (multi-select)
   */
  public record SearchResult(
      String query,
      @JsonbNillable String correctedFrom,
      @JsonbNillable String didYouMean,
      Page<ProductSummary> products,
      Map<String, List<FacetValue>> facets) {
    /**
     * Of the words and the page, not of every hit and facet value: JSON-B hashes the result, then
     * again each part it writes, and a record's own hash code would walk the whole answer each
     * time. Equal results have equal words and pages, so this agrees with equals.
     */
    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(query) + Objects.hashCode(products);
    }
  }

  public record ProductSuggestion(String slug, String name) {}

  public record Suggestions(
      String prefix,
      List<ProductSuggestion> products,
      List<BrandRef> brands,
      List<CategoryRef> categories) {}
}
