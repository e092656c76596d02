package io.bazaar.admin.view.reviews;

import io.bazaar.admin.storefront.StorefrontApi;
import io.bazaar.admin.storefront.StorefrontApi.Listing;
import io.bazaar.admin.storefront.StorefrontRefused;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reviews to moderate, and the moderator's decisions, through the storefront's API at {@code
 * bazaar.api.url}. Refusals arrive as {@link StorefrontRefused} with the API's problem detail.
 */
@ApplicationScoped
public class ShopReviews {

  @Inject
  @ConfigProperty(name = "bazaar.api.url", defaultValue = "http://127.0.0.1:8080/api/v1")
  String apiUrl;

  private ReviewModerationClient api;

  @PostConstruct
  void connect() {
    api = StorefrontApi.client(apiUrl, ReviewModerationClient.class);
  }

  @PreDestroy
  void disconnect() {
    StorefrontApi.close(api);
  }

  public Listing inState(String bearer, String status, int page, int size) {
    return Listing.of(
        StorefrontApi.call(apiUrl, () -> api.inState(bearer, status, page, size)), size);
  }

  public JsonObject publish(String bearer, String id) {
    return StorefrontApi.call(apiUrl, () -> api.publish(bearer, id));
  }

  public JsonObject reject(String bearer, String id, String reason) {
    JsonObject body =
        Json.createObjectBuilder().add("reason", reason == null ? "" : reason).build();
    return StorefrontApi.call(apiUrl, () -> api.reject(bearer, id, body));
  }
}
