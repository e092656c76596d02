package io.bazaar.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live only while none of this member's transaction branches has stayed prepared in PostgreSQL
 * longer than {@code bazaar.transactions.in-doubt-limit} (90 s by default; a branch normally stays
 * prepared for milliseconds).
 *
 * <p>A branch is left prepared when the member loses its database connection while completing the
 * transaction: a backend terminated or PostgreSQL restarted between prepare and commit, or during
 * the rollback after another branch refused to prepare. Payara retries a failed commit by itself
 * (the transaction service's {@code pending-txn-cleanup-interval}), but a failed rollback is taken
 * as done, and that branch then keeps its rows locked (the stock of a SKU, say) until the member's
 * recovery resolves it on its next start. A failing liveness check is what has the cluster's
 * supervisor, or Kubernetes, restart the member; its recovery then commits or rolls back each of
 * its own branches by its transaction log. Other members' branches are theirs to recover: the
 * branch qualifier of every XID starts with its member's {@code xa-servername} ({@code
 * bazaar.node.name}) and a comma.
 *
 * <p>Not live either while one of its watched transactions has been completing (committing or
 * rolling back its branches) longer than that limit, and the databases answer: its branch in the
 * broker is then stuck on a dead session, which only the member's recovery commits (see {@link
 * TransactionCompletions}). While a database does not answer, a completion may be waiting for it on
 * purpose (its branch is committed on a new session once it is back).
 *
 * <p>A database that does not answer leaves the member live: a restart would not bring it back, and
 * readiness already takes the member out of service.
 */
@Liveness
@ApplicationScoped
public class InDoubtBranchesLiveness implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Inject CheckoutDatabases databases;

  @Inject TransactionCompletions completions;

  @Inject
  @ConfigProperty(name = "bazaar.node.name", defaultValue = "bazaar-1")
  String member;

  @Inject
  @ConfigProperty(name = "bazaar.transactions.in-doubt-limit", defaultValue = "PT90S")
  Duration inDoubtLimit;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("in-doubt-transactions").up();
    boolean databasesAnswered = true;
    for (var database : databases.byName().entrySet()) {
      try {
        List<String> stuck = ownBranchesPreparedTooLong(database.getValue());
        response.withData(database.getKey(), stuck.isEmpty() ? "none" : String.join(" ", stuck));
        if (!stuck.isEmpty()) {
          response.down();
        }
      } catch (SQLException unreachable) {
        databasesAnswered = false;
        response.withData(database.getKey(), "not checked: " + unreachable.getMessage());
      }
    }
    List<Duration> completing = completions.completingLongerThan(inDoubtLimit);
    response.withData(
        "completing",
        completing.isEmpty()
            ? "none"
            : completing.size()
                + " transaction(s), longest "
                + completing.get(0).toSeconds()
                + " s");
    if (!completing.isEmpty() && databasesAnswered) {
      response.down();
    }
    return response.build();
  }

  /** The PostgreSQL transaction ids of this member's branches prepared too long ago. */
  private List<String> ownBranchesPreparedTooLong(DataSource database) throws SQLException {
    List<String> stuck = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement prepared =
            connection.prepareStatement(
                "select gid from pg_prepared_xacts where database = current_database()"
                    + " and prepared < now() - ? * interval '1 millisecond'")) {
      prepared.setQueryTimeout(TIMEOUT_SECONDS);
      prepared.setLong(1, inDoubtLimit.toMillis());
      try (ResultSet gids = prepared.executeQuery()) {
        while (gids.next()) {
          String gid = gids.getString(1);
          if (isBranchOf(gid, member)) {
            stuck.add(gid);
          }
        }
      }
    }
    return stuck;
  }

  /**
   * Whether a PostgreSQL XA transaction id ({@code formatId_base64(gtrid)_base64(bqual)}, as the
   * JDBC driver writes it) belongs to {@code member}: Payara's branch qualifiers start with the
   * member's name and a comma ({@code bazaar-2,server,P100,...}), and its recovery takes as its own
   * exactly the branches whose qualifier starts so.
   */
  static boolean isBranchOf(String gid, String member) {
    return branchQualifier(gid).map(qualifier -> qualifier.startsWith(member + ",")).orElse(false);
  }

  private static Optional<String> branchQualifier(String gid) {
    String[] parts = gid.split("_");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
