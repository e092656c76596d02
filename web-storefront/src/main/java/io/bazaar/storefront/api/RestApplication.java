package io.bazaar.storefront.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The shop's JSON API. Its OpenAPI description is served at /openapi. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Bazaar API",
            version = "1",
            description =
                "Catalog, carts and checkout. Errors are RFC 9457 problem documents"
                    + " (application/problem+json)."))
public class RestApplication extends Application {}
