package io.bazaar.storefront.api;

import io.bazaar.cart.boundary.CartNotFound;
import io.bazaar.cart.boundary.UnknownProduct;
import io.bazaar.catalog.boundary.ProductChangedMeanwhile;
import io.bazaar.catalog.boundary.ProductNotFound;
import io.bazaar.customer.boundary.DuplicateAccount;
import io.bazaar.inventory.boundary.OutOfStock;
import io.bazaar.ordering.boundary.CheckoutBusy;
import io.bazaar.ordering.boundary.IdempotencyKeyReused;
import io.bazaar.ordering.boundary.MissingIdempotencyKey;
import io.bazaar.ordering.boundary.OrderNotFound;
import io.bazaar.payment.boundary.PaymentDeclined;
import io.bazaar.payment.boundary.PaymentProviderUnavailable;
import io.bazaar.recommendation.boundary.UnknownProductToRecommend;
import io.bazaar.review.boundary.ReviewNotFound;
import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a problem document with the status a client can act on: 4xx for what the
 * client can fix, 409 for conflicts with the shop's state, 5xx only for the shop's own faults
 * (logged, with no internals in the answer).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (isUnreadableBody(web)) {
        return Problems.response(
            400, "malformed-request", "Malformed request body", bodyDetail(web));
      }
      return Problems.response(
          status,
          "http-" + status,
          web.getResponse().getStatusInfo().getReasonPhrase(),
          web.getMessage());
    }
    if (cause instanceof JsonbException || cause instanceof ProcessingException) {
      // The request body could not be read as the JSON the resource expects.
      return Problems.response(
          400, "malformed-request", "Malformed request body", rootMessage(cause));
    }
    if (cause instanceof InvalidRequest invalid) {
      return Problems.response(400, "invalid-request", "Invalid request", invalid.getMessage());
    }
    if (cause instanceof MissingIdempotencyKey missing) {
      return Problems.response(
          400, "idempotency-key-missing", "Idempotency-Key required", missing.getMessage());
    }
    if (cause instanceof CartNotFound
        || cause instanceof OrderNotFound
        || cause instanceof ReviewNotFound
        || cause instanceof ProductNotFound
        || cause instanceof UnknownProductToRecommend) {
      return Problems.response(404, "not-found", "Not found", cause.getMessage());
    }
    if (cause instanceof UnknownProduct unknown) {
      return Problems.response(
          422,
          Problems.problem(422, "unknown-product", "Unknown product", unknown.getMessage())
              .add("sku", unknown.sku()));
    }
    if (cause instanceof OutOfStock outOfStock) {
      JsonArrayBuilder lines = Json.createArrayBuilder();
      outOfStock
          .shortages()
          .forEach(
              s ->
                  lines.add(
                      Json.createObjectBuilder()
                          .add("sku", s.sku())
                          .add("requested", s.requested())
                          .add("available", s.available())));
      return Problems.response(
          409,
          Problems.problem(409, "out-of-stock", "Out of stock", outOfStock.getMessage())
              .add("lines", lines));
    }
    if (cause instanceof IdempotencyKeyReused reused) {
      return Problems.response(
          422, "idempotency-key-reused", "Idempotency-Key reused", reused.getMessage());
    }
    if (cause instanceof PaymentDeclined declined) {
      return Problems.response(402, "payment-declined", "Payment declined", declined.getMessage());
    }
    if (cause instanceof PaymentProviderUnavailable unavailable) {
      return retryLater(
          "payment-unavailable", "Payment provider unavailable", unavailable.getMessage(), 5);
    }
    if (cause instanceof CheckoutBusy busy) {
      return retryLater("checkout-busy", "Too many checkouts at once", busy.getMessage(), 2);
    }
    if (cause instanceof JMSRuntimeException brokerDown) {
      LOG.log(Level.WARNING, "the message broker failed; the checkout was rolled back", brokerDown);
      return retryLater(
          "temporarily-unavailable",
          "Temporarily unavailable",
          "nothing was stored; retry shortly",
          5);
    }
    if (isTransientDatabaseFailure(failure)) {
      LOG.log(Level.WARNING, "a database was busy or unreachable; nothing was stored", failure);
      return retryLater(
          "temporarily-unavailable",
          "Temporarily unavailable",
          "nothing was stored; retry shortly (with the same Idempotency-Key for an order)",
          2);
    }
    if (isCommitOutcomeUnknown(failure)) {
      LOG.log(Level.WARNING, "a commit failed half-way; its outcome is not known", failure);
      return retryLater(
          "outcome-unknown",
          "Outcome not known",
          "the connection to a database failed while this change was being committed, so it may"
              + " or may not have been stored: look before repeating it (an order repeated with the"
              + " same Idempotency-Key is never placed twice)",
          2);
    }
    if (cause instanceof ProductChangedMeanwhile changed) {
      return Problems.response(
          409,
          Problems.problem(409, "changed-meanwhile", "Changed meanwhile", changed.getMessage())
              .add("currentVersion", changed.currentVersion()));
    }
    if (cause instanceof OptimisticLockException) {
      return Problems.response(
          409, "concurrent-change", "Changed concurrently", "retry the request");
    }
    if (cause instanceof DuplicateAccount duplicate) {
      return Problems.response(409, "account-exists", "Account exists", duplicate.getMessage());
    }
    if (cause instanceof IllegalArgumentException invalid) {
      return Problems.response(422, "invalid-input", "Invalid input", invalid.getMessage());
    }
    if (cause instanceof IllegalStateException conflict) {
      return Problems.response(409, "conflict", "Conflict", conflict.getMessage());
    }
    LOG.log(Level.SEVERE, "unexpected failure", failure);
    return Problems.response(
        500, "internal-error", "Internal error", "the shop failed; it has been logged");
  }

  /** 503: the shop cannot serve this now, and the client may try again after so many seconds. */
  private static Response retryLater(String type, String title, String detail, int seconds) {
    Response problem = Problems.response(503, type, title, detail);
    return Response.fromResponse(problem).header("Retry-After", String.valueOf(seconds)).build();
  }

  /**
   * A failure that passes by itself, in a transaction that was therefore rolled back: a row lock
   * not granted in time (a checkout behind a transaction a crashed member left prepared), a
   * database restarting or out of connections, a pool with none free, a deadlock or serialization
   * failure. SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shutdown), 55P03
   * (lock not available), 40001 and 40P01.
   */
  private static boolean isTransientDatabaseFailure(Throwable failure) {
    return anyCause(
        failure,
        cause ->
            cause instanceof PessimisticLockException
                || cause instanceof LockTimeoutException
                || cause instanceof ResourceException
                || cause instanceof SQLException sql && isTransientState(sql.getSQLState()));
  }

  private static boolean isTransientState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.equals("55P03")
            || state.equals("40001")
            || state.equals("40P01"));
  }

  /**
   * The transaction manager could not tell how a commit ended: the database connection failed while
   * committing a single-database change (one-phase commit), or a heuristic decision was taken. Not
   * the shop's bug, and not "nothing was stored" either.
   */
  private static boolean isCommitOutcomeUnknown(Throwable failure) {
    return anyCause(
        failure,
        cause ->
            cause instanceof SystemException
                || cause instanceof HeuristicMixedException
                || cause instanceof HeuristicRollbackException);
  }

  /** Whether the failure or any of its causes is one the test accepts. */
  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (test.test(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static boolean isUnreadableBody(WebApplicationException web) {
    for (Throwable cause = web.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  private static String bodyDetail(WebApplicationException web) {
    return rootMessage(web);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
