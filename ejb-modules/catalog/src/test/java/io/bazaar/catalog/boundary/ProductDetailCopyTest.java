package io.bazaar.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import io.bazaar.catalog.boundary.CatalogViews.ImageView;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.RatingView;
import io.bazaar.catalog.boundary.CatalogViews.VariantView;
import io.bazaar.persistence.Money;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductDetailCopyTest {

  private static ProductDetail detail(BrandRef brand, BigDecimal average, String description) {
    Map<String, Integer> distribution = new LinkedHashMap<>();
    distribution.put("5", 3);
    distribution.put("4", 0);
    distribution.put("3", 1);
    distribution.put("2", 0);
    distribution.put("1", 0);
    return new ProductDetail(
        "trail-runner-9",
        "Trail Runner 9 — «Grün»",
        brand,
        description,
        "ACTIVE",
        List.of(new CategoryRef("shoes", "Shoes"), new CategoryRef("running", "Running")),
        Map.of("material", "mesh", "drop", "8 mm"),
        List.of(new ImageView("https://img.example/1.jpg", "side"), new ImageView("/2.jpg", null)),
        new RatingView(average, 4, distribution),
        List.of(
            new VariantView("TR9-42", "42", Money.of("129.90", "EUR"), Map.of("size", "42"), 0),
            new VariantView("TR9-43", "43", Money.of("1000", "JPY"), Map.of(), 0)));
  }

  private static ProductDetail throughTheGrid(ProductDetail detail) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ProductDetailCopy.of(detail));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return ((ProductDetailCopy) in.readObject()).detail();
    }
  }

  @Test
  void aDetailComesBackEqualWithTheOrderOfItsListsAndStars() throws Exception {
    ProductDetail detail =
        detail(new BrandRef("peak", "Peak & Co"), new BigDecimal("4.50"), "Light.\nGrippy.");

    ProductDetail copy = throughTheGrid(detail);

    assertEquals(detail, copy);
    assertEquals(
        List.of("5", "4", "3", "2", "1"), List.copyOf(copy.rating().distribution().keySet()));
    assertEquals("4.50", copy.rating().average().toString());
  }

  @Test
  void missingBrandRatingAndDescriptionStayMissing() throws Exception {
    ProductDetail copy = throughTheGrid(detail(null, null, null));

    assertNull(copy.brand());
    assertNull(copy.rating().average());
    assertNull(copy.description());
  }

  @Test
  void aDescriptionLongerThanWriteUtfAllowsIsKept() throws Exception {
    String longDescription = "ä".repeat(70_000);

    assertEquals(
        longDescription, throughTheGrid(detail(null, null, longDescription)).description());
  }

  @Test
  void noDetailIsNoCopy() {
    assertNull(ProductDetailCopy.of(null));
  }

  @Test
  void aCopyOfAnotherFormIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeInt(2);
    }
    ProductDetailCopy copy = new ProductDetailCopy();
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThrows(IOException.class, () -> copy.readExternal(in));
    }
  }
}
