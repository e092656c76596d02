package io.bazaar.admin.security;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The storefront's token endpoint, through the MicroProfile Rest Client. It answers a {@link
 * Response} so that the caller reads 401 as "wrong credentials" and any other failure as the
 * storefront's, instead of one exception for both.
 */
@Path("auth")
public interface TokenClient {

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
  Response requestToken(Credentials credentials);

  record Credentials(String email, String password) {

    @Override
    public String toString() {
      return "Credentials[email=" + email + "]";
    }
  }

  record Grant(
      @JsonbProperty("access_token") String accessToken,
      @JsonbProperty("expires_in") long expiresIn,
      String name,
      @JsonbProperty("display_name") String displayName,
      List<String> groups) {

    @Override
    public String toString() {
      return "Grant[name=" + name + ", groups=" + groups + ", expiresIn=" + expiresIn + "]";
    }
  }
}
