package io.bazaar.catalog.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hibernate.annotations.DynamicUpdate;

/** One purchasable SKU of a product, with its own price and attributes such as size and colour. */
@Entity
// Only changed columns are written: an editor's save, a rating update and a stock-driven
// availability change touch different columns of the same rows, and none writes back another's
// stale values.
@DynamicUpdate
@Table(name = "variant")
public class Variant {

  /** The variant attributes the storefront and the search facets know by name. */
  public static final String COLOUR = "colour";

  public static final String SIZE = "size";

  private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

  @Id
  @Column(length = 64)
  private String sku;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @Column(nullable = false, length = 120)
  private String label;

  @Embedded private Money price;

  @Column(nullable = false)
  private int position;

  /**
   * Whether any warehouse has a unit of this SKU: the catalog's copy of the inventory's answer,
   * kept current in the same transaction as every stock change, so that search can filter on it.
   */
  @Column(name = "in_stock", nullable = false)
  private boolean inStock;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "variant_attribute", joinColumns = @JoinColumn(name = "sku"))
  @MapKeyColumn(name = "name")
  @Column(name = "value")
  private Map<String, String> attributes = new TreeMap<>();

  protected Variant() {}

  Variant(
      Product product,
      String sku,
      String label,
      Money price,
      Map<String, String> attributes,
      int position) {
    if (!isValidSku(sku)) {
      throw new IllegalArgumentException("'" + sku + "' is not a valid SKU");
    }
    if (price == null || price.isNegative()) {
      throw new IllegalArgumentException("a variant needs a price of zero or more");
    }
    this.product = product;
    this.sku = sku;
    this.label = label;
    this.price = price;
    this.attributes = new TreeMap<>(attributes);
    this.position = position;
  }

  public static boolean isValidSku(String sku) {
    return sku != null && SKU.matcher(sku).matches();
  }

  public void reprice(Money newPrice) {
    if (newPrice == null || newPrice.isNegative()) {
      throw new IllegalArgumentException("a price cannot be negative");
    }
    this.price = newPrice;
  }

  /** Takes the inventory's current answer; true when the value changed (and the index must too). */
  public boolean markAvailability(boolean available) {
    boolean changed = inStock != available;
    inStock = available;
    return changed;
  }

  public boolean inStock() {
    return inStock;
  }

  public String sku() {
    return sku;
  }

  public Product product() {
    return product;
  }

  public String label() {
    return label;
  }

  public Money price() {
    return price;
  }

  public Map<String, String> attributes() {
    return Collections.unmodifiableMap(attributes);
  }
}
