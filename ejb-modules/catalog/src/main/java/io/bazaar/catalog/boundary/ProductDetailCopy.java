package io.bazaar.catalog.boundary;

import io.bazaar.catalog.boundary.CatalogViews.BrandRef;
import io.bazaar.catalog.boundary.CatalogViews.CategoryRef;
import io.bazaar.catalog.boundary.CatalogViews.ImageView;
import io.bazaar.catalog.boundary.CatalogViews.ProductDetail;
import io.bazaar.catalog.boundary.CatalogViews.RatingView;
import io.bazaar.catalog.boundary.CatalogViews.VariantView;
import io.bazaar.persistence.Money;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A product detail as the data grid holds it: field by field, in a fixed order. Java serialization
 * of the detail's records (class descriptors for every record, map and list, canonical constructors
 * run again) took 14% of a product page's time when members read the grid; this form writes only
 * the values. Availability is not kept: inventory answers it on every view.
 */
final class ProductDetailCopy implements Externalizable {

  private static final long serialVersionUID = 1L;

  /** Written first, so that a later form can still recognise, and skip, this one. */
  private static final int FORM = 1;

  private ProductDetail detail;

  /** For deserialization only. */
  public ProductDetailCopy() {}

  private ProductDetailCopy(ProductDetail detail) {
    this.detail = detail;
  }

  /** The copy of a detail, or null for none (the grid caches no null). */
  static ProductDetailCopy of(ProductDetail detail) {
    return detail == null ? null : new ProductDetailCopy(detail);
  }

  ProductDetail detail() {
    return detail;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeInt(FORM);
    writeText(out, detail.slug());
    writeText(out, detail.name());
    writePair(out, detail.brand() == null ? null : detail.brand().slug(), brandName());
    writeText(out, detail.description());
    writeText(out, detail.status());
    out.writeInt(detail.breadcrumbs().size());
    for (CategoryRef category : detail.breadcrumbs()) {
      writePair(out, category.slug(), category.name());
    }
    writeTexts(out, detail.attributes());
    out.writeInt(detail.images().size());
    for (ImageView image : detail.images()) {
      writePair(out, image.url(), image.altText());
    }
    RatingView rating = detail.rating();
    writeText(out, rating.average() == null ? null : rating.average().toString());
    out.writeInt(rating.count());
    out.writeInt(rating.distribution().size());
    for (Map.Entry<String, Integer> stars : rating.distribution().entrySet()) {
      writeText(out, stars.getKey());
      out.writeInt(stars.getValue());
    }
    out.writeInt(detail.variants().size());
    for (VariantView variant : detail.variants()) {
      writePair(out, variant.sku(), variant.label());
      writePair(out, variant.price().getAmount().toPlainString(), variant.price().getCurrency());
      writeTexts(out, variant.attributes());
    }
  }

  private String brandName() {
    return detail.brand() == null ? null : detail.brand().name();
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    int form = in.readInt();
    if (form != FORM) {
      throw new IOException("product detail copy of unknown form " + form);
    }
    String slug = readText(in);
    String name = readText(in);
    BrandRef brand = readPair(in, BrandRef::new);
    String description = readText(in);
    String status = readText(in);
    List<CategoryRef> breadcrumbs = readList(in, () -> readPair(in, CategoryRef::new));
    Map<String, String> attributes = readTexts(in);
    List<ImageView> images = readList(in, () -> readPair(in, ImageView::new));
    String average = readText(in);
    int count = in.readInt();
    Map<String, Integer> distribution = new LinkedHashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      distribution.put(readText(in), in.readInt());
    }
    RatingView rating =
        new RatingView(average == null ? null : new BigDecimal(average), count, distribution);
    List<VariantView> variants =
        readList(
            in,
            () ->
                new VariantView(
                    readText(in),
                    readText(in),
                    Money.of(readText(in), readText(in)),
                    readTexts(in),
                    0));
    detail =
        new ProductDetail(
            slug,
            name,
            brand.slug() == null ? null : brand,
            description,
            status,
            breadcrumbs,
            attributes,
            images,
            rating,
            variants);
  }

  // ---- values ----

  private interface Reading<T> {
    T read() throws IOException;
  }

  /** Length-prefixed UTF-8: writeUTF stops at 64 KB, and a description may be longer. */
  private static void writeText(DataOutput out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writePair(DataOutput out, String first, String second) throws IOException {
    writeText(out, first);
    writeText(out, second);
  }

  private static <T> T readPair(DataInput in, BiFunction<String, String, T> pair)
      throws IOException {
    String first = readText(in);
    return pair.apply(first, readText(in));
  }

  private static void writeTexts(DataOutput out, Map<String, String> texts) throws IOException {
    out.writeInt(texts.size());
    for (Map.Entry<String, String> text : texts.entrySet()) {
      writePair(out, text.getKey(), text.getValue());
    }
  }

  private static Map<String, String> readTexts(DataInput in) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      String key = readText(in);
      texts.put(key, readText(in));
    }
    return texts;
  }

  private static <T> List<T> readList(DataInput in, Reading<T> element) throws IOException {
    int size = in.readInt();
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.read());
    }
    return list;
  }
}
