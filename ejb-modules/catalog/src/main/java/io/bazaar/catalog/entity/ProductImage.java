package io.bazaar.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A picture of a product; the alt text describes it for shoppers who cannot see it. */
@Embeddable
public class ProductImage {

  @Column(nullable = false, length = 500)
  private String url;

  @Column(name = "alt_text", nullable = false, length = 200)
  private String altText;

  protected ProductImage() {}

  public ProductImage(String url, String altText) {
    if (url == null || url.isBlank() || url.length() > 500) {
      throw new IllegalArgumentException("an image needs a URL of 1-500 characters");
    }
    if (altText == null || altText.isBlank() || altText.length() > 200) {
      throw new IllegalArgumentException("an image needs an alt text of 1-200 characters");
    }
    this.url = url.strip();
    this.altText = altText.strip();
  }

  public String url() {
    return url;
  }

  public String altText() {
    return altText;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProductImage image
        && url.equals(image.url)
        && altText.equals(image.altText);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, altText);
  }
}
