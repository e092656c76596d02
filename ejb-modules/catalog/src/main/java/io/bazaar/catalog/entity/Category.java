package io.bazaar.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A node of the category tree; the slug is the stable public name used in URLs. */
@Entity
@Table(name = "category")
public class Category {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 80)
  private String slug;

  @Column(nullable = false, length = 120)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Category parent;

  @Column(nullable = false)
  private int position;

  protected Category() {}

  public Category(String slug, String name, Category parent, int position) {
    this.slug = Slugs.require(slug);
    this.name = requireName(name);
    this.parent = parent;
    this.position = position;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 120) {
      throw new IllegalArgumentException("category name must be 1-120 characters");
    }
    return name.strip();
  }

  /** From the root down to this category, for breadcrumbs. */
  public List<Category> path() {
    List<Category> path = new ArrayList<>();
    for (Category node = this; node != null; node = node.parent) {
      path.add(node);
    }
    Collections.reverse(path);
    return path;
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

  public Category parent() {
    return parent;
  }

  public int position() {
    return position;
  }
}
