package io.bazaar.catalog.entity;

import io.bazaar.persistence.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A product as shoppers see it, sold through one or more variants (SKUs). Only active products can
 * be bought; a product becomes active only once it has at least one variant.
 */
@Entity
@Table(name = "product")
public class Product {

  public enum Status {
    DRAFT,
    ACTIVE,
    ARCHIVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 160)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 120)
  private String brand;

  @Column(nullable = false, length = 4000)
  private String description;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id")
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Variant> variants = new ArrayList<>();

  @Version private long version;

  protected Product() {}

  public Product(String slug, String name, String brand, String description, Category category) {
    this.slug = Slugs.require(slug);
    this.name = requireText("name", name, 200);
    this.brand = requireText("brand", brand, 120);
    this.description = description == null ? "" : requireText("description", description, 4000);
    if (category == null) {
      throw new IllegalArgumentException("a product needs a category");
    }
    this.category = category;
    this.status = Status.DRAFT;
    this.createdAt = Instant.now();
  }

  private static String requireText(String what, String text, int max) {
    if (text == null || text.isBlank() || text.length() > max) {
      throw new IllegalArgumentException(what + " must be 1-" + max + " characters");
    }
    return text.strip();
  }

  public Variant addVariant(String sku, String label, Money price, Map<String, String> attributes) {
    if (variants.stream().anyMatch(v -> v.sku().equals(sku))) {
      throw new IllegalArgumentException("variant " + sku + " already exists");
    }
    Variant variant = new Variant(this, sku, label, price, attributes, variants.size());
    variants.add(variant);
    return variant;
  }

  public void activate() {
    if (variants.isEmpty()) {
      throw new IllegalStateException("a product without variants cannot be sold");
    }
    status = Status.ACTIVE;
  }

  public void archive() {
    status = Status.ARCHIVED;
  }

  public boolean isPurchasable() {
    return status == Status.ACTIVE;
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String brand() {
    return brand;
  }

  public String description() {
    return description;
  }

  public Category category() {
    return category;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<Variant> variants() {
    return Collections.unmodifiableList(variants);
  }
}
