package io.bazaar.storefront.account;

import static io.bazaar.storefront.api.InvalidRequest.required;

import io.bazaar.customer.boundary.AccountView;
import io.bazaar.customer.boundary.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Shoppers' accounts. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {

  @Inject Accounts accounts;

  @Inject JsonWebToken callerToken;

  public record Registration(String email, String displayName, String password) {

    /** Never prints the password, wherever a request ends up being logged. */
    @Override
    public String toString() {
      return "Registration[email=" + email + ", displayName=" + displayName + "]";
    }
  }

  @POST
  @Operation(
      summary = "Open a shopper's account",
      description =
          "201 with the account and its Location; 409 if the e-mail address has an account; 422"
              + " if the e-mail address, the display name (1-120 characters) or the password"
              + " (10-256 characters) is not acceptable.")
  public Response register(Registration registration, @Context UriInfo uri) {
    required(registration, "a JSON body");
    AccountView account =
        accounts.register(
            registration.email(), registration.displayName(), registration.password());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(account.id())).build())
        .entity(account)
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ApiSecurity.ADMIN, ApiSecurity.CUSTOMER})
  @Operation(
      summary = "An account: shoppers see their own, staff see any",
      description = "404 both for an unknown id and for another shopper's account.")
  public AccountView find(@PathParam("id") long id) {
    boolean own = String.valueOf(id).equals(callerToken.getSubject());
    if (!own && !callerToken.getGroups().contains(ApiSecurity.ADMIN)) {
      throw new NotFoundException("no account " + id);
    }
    return accounts.find(id).orElseThrow(() -> new NotFoundException("no account " + id));
  }
}
