package io.bazaar.admin.view.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The storefront's MicroProfile Health endpoints. Readiness answers 200 when every check is up and
 * 503 with the same report when one is down, so the status alone is not a failure here.
 */
public interface HealthClient {

  @GET
  @Path("ready")
  @Produces(MediaType.APPLICATION_JSON)
  Response ready();
}
