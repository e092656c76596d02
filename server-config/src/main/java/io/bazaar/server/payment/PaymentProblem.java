package io.bazaar.server.payment;

/** A request the sandbox refuses, with the HTTP status a real provider would answer. */
final class PaymentProblem extends RuntimeException {

  private final int status;
  private final String title;

  PaymentProblem(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  static PaymentProblem badRequest(String detail) {
    return new PaymentProblem(400, "Bad Request", detail);
  }

  static PaymentProblem notFound(String detail) {
    return new PaymentProblem(404, "Not Found", detail);
  }

  static PaymentProblem conflict(String detail) {
    return new PaymentProblem(409, "Conflict", detail);
  }

  static PaymentProblem unprocessable(String detail) {
    return new PaymentProblem(422, "Unprocessable Content", detail);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /**
   * Whether a replay of the same idempotent request must get this same answer. A malformed request
   * was never processed, and an outage processed nothing: retrying those must try again.
   */
  boolean isFinalOutcome() {
    return status != 400 && status != 503;
  }
}
