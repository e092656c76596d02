package io.bazaar.admin.storefront;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The back office's pages reach the shop through the storefront's JSON API, with the signed-in
 * admin's bearer token. Every answer is either what the API returned or a {@link StorefrontRefused}
 * carrying its problem detail, so a page always has something true to say.
 */
public final class StorefrontApi {

  private static final Logger LOG = Logger.getLogger(StorefrontApi.class.getName());

  private StorefrontApi() {}

  /** One page of a list the API returned ({@code io.bazaar.persistence.Page} as JSON). */
  public record Listing(List<JsonObject> items, int page, long totalPages, long total) {

    public static Listing of(JsonObject answer, int size) {
      long total = answer.getJsonNumber("total").longValue();
      return new Listing(
          answer.getJsonArray("items").getValuesAs(JsonObject.class),
          answer.getInt("page"),
          (total + size - 1) / size,
          total);
    }

    public boolean isFirstPage() {
      return page == 0;
    }

    public boolean isLastPage() {
      return page + 1 >= totalPages;
    }

    /** At least 1: an empty list is shown as page 1 of 1. */
    public long pageCount() {
      return Math.max(1, totalPages);
    }
  }

  /**
   * A MicroProfile Rest Client of the API at {@code apiUrl} that answers {@link Response}s (no
   * exception mapping), so the page can show the API's problem detail.
   */
  public static <C> C client(String apiUrl, Class<C> api) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(apiUrl))
        .connectTimeout(2, TimeUnit.SECONDS)
        .readTimeout(10, TimeUnit.SECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(api);
  }

  public static void close(Object client) {
    try {
      ((Closeable) client).close();
    } catch (IOException closeFailed) {
      LOG.log(Level.WARNING, "closing a storefront API client failed", closeFailed);
    }
  }

  /** The JSON of a 200 answer; anything else is a {@link StorefrontRefused} saying why. */
  public static JsonObject call(String apiUrl, Supplier<Response> request) {
    try (Response answer = request.get()) {
      if (answer.getStatus() == 200) {
        return answer.readEntity(JsonObject.class);
      }
      throw refusal(answer);
    } catch (ProcessingException | JsonException unreachable) {
      throw new StorefrontRefused(0, "", "the storefront at " + apiUrl + " did not answer");
    }
  }

  private static StorefrontRefused refusal(Response answer) {
    String fallback = "the storefront answered HTTP " + answer.getStatus();
    try {
      JsonObject problem = answer.readEntity(JsonObject.class);
      String type = problem.getString("type", "");
      return new StorefrontRefused(
          answer.getStatus(),
          type.substring(type.lastIndexOf('/') + 1),
          problem.getString("detail", fallback));
    } catch (ProcessingException | JsonException notAProblem) {
      return new StorefrontRefused(answer.getStatus(), "", fallback);
    }
  }
}
