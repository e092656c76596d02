package io.bazaar.notification.boundary;

import io.bazaar.notification.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the document store answers a query. */
@Readiness
@ApplicationScoped
public class DocumentStoreReadiness implements HealthCheck {

  @Inject DocumentTemplate documents;

  @Override
  public HealthCheckResponse call() {
    try {
      documents.find(Notification.class, "readiness-probe");
      return HealthCheckResponse.up("document-store");
    } catch (RuntimeException unreachable) {
      return HealthCheckResponse.named("document-store")
          .down()
          .withData("error", String.valueOf(unreachable.getMessage()))
          .build();
    }
  }
}
