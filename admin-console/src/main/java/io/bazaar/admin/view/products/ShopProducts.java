package io.bazaar.admin.view.products;

import io.bazaar.admin.storefront.StorefrontApi;
import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.storefront.StorefrontRefused;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Products to edit, and the editors' changes, through the storefront's API at {@code
 * bazaar.api.url}. Refusals arrive as {@link StorefrontRefused} with the API's problem detail.
 */
@ApplicationScoped
public class ShopProducts {

  @Inject
  @ConfigProperty(name = "bazaar.api.url", defaultValue = "http://127.0.0.1:8080/api/v1")
  String apiUrl;

  private ProductAdministrationClient api;

  @PostConstruct
  void connect() {
    api = StorefrontApi.client(apiUrl, ProductAdministrationClient.class);
  }

  @PreDestroy
  void disconnect() {
    StorefrontApi.close(api);
  }

  public Listing products(String bearer, String text, String status, int page, int size) {
    return Listing.of(
        StorefrontApi.call(apiUrl, () -> api.products(bearer, text, status, page, size)), size);
  }

  public JsonObject product(String bearer, String slug) {
    return StorefrontApi.call(apiUrl, () -> api.product(bearer, slug));
  }

  public JsonObject edit(String bearer, String slug, JsonObject edit) {
    return StorefrontApi.call(apiUrl, () -> api.edit(bearer, slug, edit));
  }
}
