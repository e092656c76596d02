package io.bazaar.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this member loads the demo catalog (a load balancer keeps shoppers away from a
 * half-filled shop), nor when loading failed; always ready without a demo catalog.
 */
@Readiness
@ApplicationScoped
public class DemoCatalogReadiness implements HealthCheck {

  @Inject DemoCatalog demoCatalog;

  @Override
  public HealthCheckResponse call() {
    DemoCatalog.Progress progress = demoCatalog.progress();
    var response =
        HealthCheckResponse.named("demo-catalog")
            .status(progress.done() && progress.failure() == null)
            .withData("loaded", progress.loaded())
            .withData("total", progress.total());
    if (progress.failure() != null) {
      response.withData("error", progress.failure());
    }
    return response.build();
  }
}
