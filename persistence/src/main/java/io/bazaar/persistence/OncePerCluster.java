package io.bazaar.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a job that every cluster member schedules for itself run once per period for the whole
 * cluster. When its timer fires, a member claims the job's current period in {@code
 * scheduling.scheduled_job}; only the member whose claim succeeds runs the job, and the others skip
 * this period. If the member that would have run it is down, the next member's timer finds the
 * period unclaimed and runs it, so the job neither stops with one member nor runs once per member.
 *
 * <p>The claim is a single {@code insert ... on conflict do update ... where} statement: two
 * members claiming at the same moment queue on the job's row, and the second re-reads the first's
 * claim and finds nothing to take. Periods are measured on the database clock, so members whose
 * clocks disagree still agree on them. A claim counts for 90% of the period, so a member whose
 * timer fires a little early is not turned away for a full period.
 *
 * <p>Not the EJB timer service's persistent timers: those belong to the member that created them
 * and need a timer store that every member shares. Here every member's timer is alike, and {@code
 * scheduling.job_run} shows who ran what, when, and how much it did.
 *
 * <p>Runs in the caller's transaction: callers commit the claim before starting the work, so other
 * members see it at once, and record the end of the run in a transaction of its own.
 */
@ApplicationScoped
public class OncePerCluster {

  /** One claimed run of a job, recorded in {@code scheduling.job_run}. */
  public record Run(long id, String job, String member) {}

  private static final int MAX_FAILURE_LENGTH = 2000;

  @Resource(lookup = "jdbc/orders")
  DataSource orders;

  @Inject
  @ConfigProperty(name = "bazaar.node.name", defaultValue = "bazaar-1")
  String member;

  /**
   * @return the run this member may now do, or empty if another member has run the job during the
   *     last 90% of {@code period}
   */
  public Optional<Run> claim(String job, Duration period) {
    try (Connection connection = orders.getConnection()) {
      try (PreparedStatement claim =
          connection.prepareStatement(
              "insert into scheduling.scheduled_job (name, claimed_at, member)"
                  + " values (?, now(), ?)"
                  + " on conflict (name) do update"
                  + " set claimed_at = excluded.claimed_at, member = excluded.member"
                  + " where scheduling.scheduled_job.claimed_at"
                  + " <= now() - ? * interval '1 millisecond'")) {
        claim.setString(1, job);
        claim.setString(2, member);
        claim.setLong(3, period.toMillis() * 9 / 10);
        if (claim.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      try (PreparedStatement start =
          connection.prepareStatement(
              "insert into scheduling.job_run (job, member, started_at) values (?, ?, now())"
                  + " returning id")) {
        start.setString(1, job);
        start.setString(2, member);
        try (ResultSet id = start.executeQuery()) {
          id.next();
          return Optional.of(new Run(id.getLong(1), job, member));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim job " + job, e);
    }
  }

  /** Records that the run ended normally, having handled {@code items} things. */
  public void finished(Run run, long items) {
    end(run, items, null);
  }

  /** Records that the run stopped on a failure; the next period's run starts afresh. */
  public void failed(Run run, long itemsBeforeFailure, Throwable failure) {
    String reason = String.valueOf(failure);
    end(
        run,
        itemsBeforeFailure,
        reason.length() > MAX_FAILURE_LENGTH ? reason.substring(0, MAX_FAILURE_LENGTH) : reason);
  }

  private void end(Run run, long items, String failure) {
    try (Connection connection = orders.getConnection();
        PreparedStatement end =
            connection.prepareStatement(
                "update scheduling.job_run set finished_at = now(), items = ?, failure = ?"
                    + " where id = ?")) {
      end.setLong(1, items);
      end.setString(2, failure);
      end.setLong(3, run.id());
      end.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the end of " + run, e);
    }
  }
}
