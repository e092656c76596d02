package io.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.bazaar.systemtest.Catalogue;
import io.bazaar.systemtest.MicroShedOnRunningShop;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The catalog API seen through MicroShed Testing's REST client, against the running shop (manual
 * mode; see {@link MicroShedOnRunningShop}). The products are written to the catalog first, so
 * every count and price below is known.
 */
@MicroShedTest
public class CatalogApiIT {

  @RESTClient public static CatalogApi api;

  private static String category;
  private static List<String> skus;

  @BeforeAll
  static void threeProductsInANewCategory() {
    Catalogue catalogue = MicroShedOnRunningShop.shop().catalogue;
    category = catalogue.category("Umbrellas");
    skus =
        List.of(
            catalogue.productWithStock(category, "15.00", 4, 3),
            catalogue.productWithStock(category, "22.50", 0, 2),
            catalogue.productWithStock(category, "9.99", 0, 0));
  }

  @Test
  void categoriesCountTheirProducts() {
    JsonArray categories = body(api.categories(), 200).asJsonArray();
    JsonObject umbrellas =
        categories.stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("slug").equals(category))
            .findFirst()
            .orElseThrow();
    assertThat(umbrellas.getString("name")).isEqualTo("Umbrellas");
    assertThat(umbrellas.getJsonNumber("productCount").longValue()).isEqualTo(3);
  }

  @Test
  void productListsArePaginatedNewestFirst() {
    JsonObject first = body(api.products(category, 0, 2), 200).asJsonObject();
    JsonObject second = body(api.products(category, 1, 2), 200).asJsonObject();
    JsonObject beyond = body(api.products(category, 5, 2), 200).asJsonObject();

    assertThat(first.getInt("total")).isEqualTo(3);
    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(beyond.getJsonArray("items")).isEmpty();
    assertThat(List.of(slug(first, 0), slug(first, 1), slug(second, 0)))
        .as("newest first")
        .containsExactly(
            Catalogue.productSlugOf(skus.get(2)),
            Catalogue.productSlugOf(skus.get(1)),
            Catalogue.productSlugOf(skus.get(0)));
    assertThat(
            first
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonObject("fromPrice")
                .getString("amount"))
        .isEqualTo("9.99");
  }

  @Test
  void productDetailShowsPriceAndAvailabilityOverAllWarehouses() {
    JsonObject product =
        body(api.product(Catalogue.productSlugOf(skus.get(0))), 200).asJsonObject();
    JsonObject variant = product.getJsonArray("variants").getJsonObject(0);
    assertThat(variant.getString("sku")).isEqualTo(skus.get(0));
    assertThat(variant.getJsonObject("price").getString("amount")).isEqualTo("15.00");
    assertThat(variant.getJsonObject("price").getString("currency")).isEqualTo("EUR");
    assertThat(variant.getInt("available")).isEqualTo(7);
    assertThat(product.getJsonArray("breadcrumbs").getJsonObject(0).getString("slug"))
        .isEqualTo(category);

    JsonObject soldOut =
        body(api.product(Catalogue.productSlugOf(skus.get(2))), 200).asJsonObject();
    assertThat(soldOut.getJsonArray("variants").getJsonObject(0).getInt("available")).isZero();
  }

  @Test
  void unknownProductsAndCategoriesAreProblems() {
    Response product = api.product("no-such-product");
    Response category = api.products("no-such-category", 0, 20);
    for (Response response : List.of(product, category)) {
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
    }
    assertThat(api.products(null, 0, 0).getStatus()).isEqualTo(422);
  }

  private static String slug(JsonObject page, int index) {
    return page.getJsonArray("items").getJsonObject(index).getString("slug");
  }

  private static JsonValue body(Response response, int status) {
    assertThat(response.getStatus()).isEqualTo(status);
    try (var reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
      return reader.readValue();
    }
  }
}
