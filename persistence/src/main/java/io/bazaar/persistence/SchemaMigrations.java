package io.bazaar.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings every context's schema to the current version before anything else touches it. Each
 * bounded context owns one schema with its own migration history ({@code db/migration/<schema>}),
 * so contexts can later move to their own database without untangling a shared history. Flyway
 * takes a PostgreSQL advisory lock per schema, so cluster members starting together migrate once
 * and the others wait.
 *
 * <p>Bean-managed: Flyway commits each migration itself, which an XA connection allows only outside
 * a JTA transaction.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Inject CheckoutDatabases databases;

  record ContextSchema(String schema, DataSource database) {}

  @PostConstruct
  void migrate() {
    for (ContextSchema context : contexts()) {
      var result =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(context.database())
              .schemas(context.schema())
              .defaultSchema(context.schema())
              .createSchemas(true)
              .locations("classpath:db/migration/" + context.schema())
              .load()
              .migrate();
      LOG.info(
          () ->
              "schema "
                  + context.schema()
                  + ": "
                  + result.migrationsExecuted
                  + " migration(s) applied, now at version "
                  + result.targetSchemaVersion);
    }
  }

  private List<ContextSchema> contexts() {
    Map<String, DataSource> byName = databases.byName();
    DataSource orders = byName.get("orders");
    DataSource inventory = byName.get("inventory");
    DataSource payments = byName.get("payments");
    return List.of(
        new ContextSchema("catalog", inventory),
        new ContextSchema("inventory", inventory),
        new ContextSchema("cart", orders),
        new ContextSchema("customer", orders),
        new ContextSchema("ordering", orders),
        new ContextSchema("recommendation", orders),
        new ContextSchema("scheduling", orders),
        new ContextSchema("payment", payments));
  }
}
