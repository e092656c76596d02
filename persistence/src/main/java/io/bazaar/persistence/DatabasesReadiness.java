package io.bazaar.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when each of the three resource managers of checkout answers a round trip. */
@Readiness
@ApplicationScoped
public class DatabasesReadiness implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Inject CheckoutDatabases databases;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("databases").up();
    for (var database : databases.byName().entrySet()) {
      String state = probe(database.getValue());
      response.withData(database.getKey(), state);
      if (!"UP".equals(state)) {
        response.down();
      }
    }
    return response.build();
  }

  private static String probe(DataSource database) {
    try (Connection connection = database.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS) ? "UP" : "DOWN: no answer";
    } catch (Exception unreachable) {
      return "DOWN: " + unreachable.getMessage();
    }
  }
}
