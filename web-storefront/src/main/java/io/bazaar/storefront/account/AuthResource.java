package io.bazaar.storefront.account;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.customer.boundary.Accounts;
import io.bazaar.storefront.account.TokenIssuer.IssuedToken;
import io.bazaar.storefront.api.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Signing in: e-mail and password in, a bearer token for the API out. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Accounts accounts;

  @Inject TokenIssuer tokens;

  @Inject JsonWebToken callerToken;

  public record Credentials(String email, String password) {

    /** Never prints the password, wherever a request ends up being logged. */
    @Override
    public String toString() {
      return "Credentials[email=" + email + "]";
    }
  }

  public record AccessToken(
      @JsonbProperty("access_token") String accessToken,
      @JsonbProperty("token_type") String tokenType,
      @JsonbProperty("expires_in") long expiresIn,
      String name,
      @JsonbProperty("display_name") String displayName,
      Set<String> groups) {}

  public record CallerView(String name, Set<String> groups) {}

  @POST
  @Path("token")
  @Operation(
      summary = "Exchange e-mail and password for a bearer token",
      description =
          "200 with an RS256 JWT (claims upn, sub, groups, iat, exp, jti) valid for expires_in"
              + " seconds; 401 problem for a wrong e-mail or password, without saying which.")
  public Response token(Credentials credentials) {
    required(credentials, "a JSON body");
    required(credentials.email(), "email");
    required(credentials.password(), "password");
    if (!tokens.canIssue()) {
      return Problems.response(
          503,
          "sign-in-unavailable",
          "Sign-in unavailable",
          "the shop has no token signing key configured");
    }
    return accounts
        .authenticate(credentials.email(), credentials.password())
        .map(
            caller -> {
              IssuedToken issued = tokens.issue(caller);
              return Response.ok(
                      new AccessToken(
                          issued.token(),
                          "Bearer",
                          issued.expiresIn(),
                          caller.name(),
                          caller.displayName(),
                          new TreeSet<>(caller.groups())))
                  .header(HttpHeaders.CACHE_CONTROL, "no-store")
                  .build();
            })
        .orElseGet(AuthResource::invalidCredentials);
  }

  @GET
  @Path("me")
  @RolesAllowed({ApiSecurity.ADMIN, ApiSecurity.CUSTOMER})
  @Operation(summary = "The caller named by the bearer token, with their groups")
  public CallerView me() {
    return new CallerView(callerToken.getName(), new TreeSet<>(callerToken.getGroups()));
  }

  private static Response invalidCredentials() {
    Response problem =
        Problems.response(
            401, "invalid-credentials", "Invalid credentials", "wrong e-mail address or password");
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bazaar\"")
        .build();
  }
}
