package io.bazaar.payment.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The card processor's HTTP API, as a MicroProfile Rest Client. Amounts travel as decimal strings.
 */
@Path("/v1/authorizations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PaymentProviderClient {

  record AuthorizationRequest(String amount, String currency, String token, String reference) {}

  record AuthorizationResponse(
      String id, String status, String amount, String currency, String reference, String reason) {}

  @POST
  Response authorize(
      @HeaderParam("Idempotency-Key") String idempotencyKey, AuthorizationRequest request);

  @POST
  @Path("/{id}/void")
  Response voidAuthorization(@PathParam("id") String authorizationId);

  @GET
  @Path("/{id}")
  Response authorization(@PathParam("id") String authorizationId);
}
