package io.bazaar.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings every context's schema to the current version before anything else touches it. Each
 * bounded context owns one schema with its own migration history ({@code db/migration/<schema>}),
 * so contexts can later move to their own database without untangling a shared history. Flyway
 * takes a PostgreSQL advisory lock per schema, so cluster members starting together migrate once
 * and the others wait.
 *
 * <p>Bean-managed: Flyway commits each migration itself, which an XA connection allows only outside
 * a JTA transaction.
 *
 * <p>A database that restarts, or ends the member's sessions, while the member boots is waited for
 * rather than failing the deployment: each PostgreSQL migration runs in a transaction of its own,
 * so one cut off rolled back whole and is simply run again on a fresh connection. Without this, a
 * database blip during a start left the member without its applications until it was restarted
 * (seen in the fault run: "Connection has been closed" from a pooled connection the database had
 * ended).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private static final Duration PAUSE_BEFORE_TRYING_AGAIN = Duration.ofSeconds(2);

  @Inject CheckoutDatabases databases;

  /** How long a start waits for a database that cannot be reached before its deployment fails. */
  @Inject
  @ConfigProperty(name = "bazaar.schema-migrations.patience", defaultValue = "PT2M")
  Duration patience;

  record ContextSchema(String schema, DataSource database) {}

  @PostConstruct
  void migrate() {
    for (ContextSchema context : contexts()) {
      MigrateResult result = migrateWithPatience(context);
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

  private MigrateResult migrateWithPatience(ContextSchema context) {
    return tryingAgainWhileConnectionLost(
        () ->
            Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(context.database())
                .schemas(context.schema())
                .defaultSchema(context.schema())
                .createSchemas(true)
                .locations("classpath:db/migration/" + context.schema())
                .load()
                .migrate(),
        patience,
        PAUSE_BEFORE_TRYING_AGAIN,
        "schema " + context.schema());
  }

  /**
   * Runs the step, and again after a pause each time it fails because the connection was lost
   * ({@link #isConnectionLost}), until the patience is spent; any other failure is thrown at once.
   */
  static <T> T tryingAgainWhileConnectionLost(
      Supplier<T> step, Duration patience, Duration pause, String what) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException failure) {
        if (!isConnectionLost(failure) || System.nanoTime() - deadline >= 0) {
          throw failure;
        }
        LOG.warning(
            () ->
                what
                    + ": the database cannot be reached ("
                    + failure
                    + "); trying again in "
                    + pause.toMillis()
                    + " ms");
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(what + ": interrupted while waiting", interrupted);
      }
    }
  }

  /**
   * A failure a fresh connection mends: SQLSTATE class 08 (no connection, or one the server closed)
   * or 57P (the server shutting down, crashed or starting), anywhere in the chain of causes (the
   * pool's proxies wrap the driver's exception twice).
   */
  static boolean isConnectionLost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
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
