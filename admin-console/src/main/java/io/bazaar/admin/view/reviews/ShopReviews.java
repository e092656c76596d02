package io.bazaar.admin.view.reviews;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Reviews to moderate, and the moderator's decisions, through the storefront's API at {@code
 * bazaar.api.url}. Every answer is either what the API returned or a {@link ModerationFailure}
 * carrying its problem detail, so the page always has something true to say.
 */
@ApplicationScoped
public class ShopReviews {

  private static final Logger LOG = Logger.getLogger(ShopReviews.class.getName());

  @Inject
  @ConfigProperty(name = "bazaar.api.url", defaultValue = "http://127.0.0.1:8080/api/v1")
  String apiUrl;

  private ReviewModerationClient api;

  /** One page of reviews in a state, as the API lists them. */
  public record ReviewPage(List<JsonObject> reviews, int page, long totalPages, long total) {}

  @PostConstruct
  void connect() {
    api =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(apiUrl))
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(ReviewModerationClient.class);
  }

  @PreDestroy
  void disconnect() {
    try {
      ((Closeable) api).close();
    } catch (IOException closeFailed) {
      LOG.log(Level.WARNING, "closing the review moderation client failed", closeFailed);
    }
  }

  public ReviewPage inState(String bearer, String status, int page, int size) {
    JsonObject answer = call(() -> api.inState(bearer, status, page, size));
    long total = answer.getJsonNumber("total").longValue();
    return new ReviewPage(
        answer.getJsonArray("items").getValuesAs(JsonObject.class),
        answer.getInt("page"),
        (total + size - 1) / size,
        total);
  }

  public JsonObject publish(String bearer, String id) {
    return call(() -> api.publish(bearer, id));
  }

  public JsonObject reject(String bearer, String id, String reason) {
    JsonObject body =
        Json.createObjectBuilder().add("reason", reason == null ? "" : reason).build();
    return call(() -> api.reject(bearer, id, body));
  }

  private JsonObject call(java.util.function.Supplier<Response> request) {
    try (Response answer = request.get()) {
      if (answer.getStatus() == 200) {
        return answer.readEntity(JsonObject.class);
      }
      throw new ModerationFailure(detailOf(answer));
    } catch (ProcessingException | JsonException unreachable) {
      throw new ModerationFailure("the storefront at " + apiUrl + " did not answer");
    }
  }

  private static String detailOf(Response answer) {
    try {
      JsonObject problem = answer.readEntity(JsonObject.class);
      return problem.getString("detail", "the storefront answered HTTP " + answer.getStatus());
    } catch (ProcessingException | JsonException notAProblem) {
      return "the storefront answered HTTP " + answer.getStatus();
    }
  }

  /** The storefront refused or could not be asked; the message says why, for the page. */
  public static class ModerationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModerationFailure(String message) {
      super(message);
    }
  }
}
