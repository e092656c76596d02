package io.bazaar.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** Who makes a product; the slug names the brand in URLs and in the search brand facet. */
@Entity
@Table(name = "brand")
public class Brand {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
  @Column(nullable = false, unique = true, length = 80)
  private String slug;

  @FullTextField(
      analyzer = SearchAnalyzers.TEXT,
      searchAnalyzer = SearchAnalyzers.TEXT_QUERY,
      projectable = Projectable.YES)
  @Column(nullable = false, length = 120)
  private String name;

  protected Brand() {}

  public Brand(String slug, String name) {
    this.slug = Slugs.require(slug);
    if (name == null || name.isBlank() || name.length() > 120) {
      throw new IllegalArgumentException("brand name must be 1-120 characters");
    }
    this.name = name.strip();
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
}
