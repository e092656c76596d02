package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void aConnectionTheServerClosedBehindThePoolsProxiesIsLost() {
    // As the fault run logged it: the pool's proxy around the driver's "Connection has been
    // closed".
    Throwable closed =
        new UndeclaredThrowableException(
            new InvocationTargetException(
                new SQLException("Connection has been closed.", "08003")));

    assertThat(SchemaMigrations.isConnectionLost(closed)).isTrue();
  }

  @Test
  void aServerShuttingDownOrStartingIsLost() {
    assertThat(
            SchemaMigrations.isConnectionLost(
                new FlywayException(
                    new SQLException("terminating connection due to administrator", "57P01"))))
        .isTrue();
    assertThat(
            SchemaMigrations.isConnectionLost(
                new SQLException("the database system is starting up", "57P03")))
        .isTrue();
  }

  @Test
  void aBrokenMigrationOrAWrongPasswordIsNotWaitedFor() {
    assertThat(
            SchemaMigrations.isConnectionLost(
                new FlywayException(new SQLException("relation does not exist", "42P01"))))
        .isFalse();
    assertThat(
            SchemaMigrations.isConnectionLost(
                new SQLException("password authentication failed", "28P01")))
        .isFalse();
    assertThat(SchemaMigrations.isConnectionLost(new FlywayException("checksum mismatch")))
        .isFalse();
  }

  @Test
  void aMigrationCutOffByTheDatabaseRunsAgainUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        SchemaMigrations.tryingAgainWhileConnectionLost(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new FlywayException(new SQLException("Connection has been closed.", "08003"));
              }
              return "migrated";
            },
            Duration.ofSeconds(10),
            Duration.ofMillis(1),
            "schema ordering");

    assertThat(result).isEqualTo("migrated");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void anyOtherFailureIsThrownAtTheFirstAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    FlywayException broken = new FlywayException("Validate failed: checksum mismatch");

    assertThatThrownBy(
            () ->
                SchemaMigrations.tryingAgainWhileConnectionLost(
                    () -> {
                      attempts.incrementAndGet();
                      throw broken;
                    },
                    Duration.ofSeconds(10),
                    Duration.ofMillis(1),
                    "schema ordering"))
        .isSameAs(broken);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aDatabaseAwayLongerThanThePatienceFailsTheStart() {
    AtomicInteger attempts = new AtomicInteger();
    FlywayException refused = new FlywayException(new SQLException("Connection refused", "08001"));

    assertThatThrownBy(
            () ->
                SchemaMigrations.tryingAgainWhileConnectionLost(
                    () -> {
                      attempts.incrementAndGet();
                      throw refused;
                    },
                    Duration.ofMillis(50),
                    Duration.ofMillis(5),
                    "schema ordering"))
        .isSameAs(refused);
    assertThat(attempts.get()).isBetween(2, 11);
  }
}
