package io.bazaar.server.payment;

import jakarta.json.JsonObject;

/** An HTTP answer of the sandbox. */
record SandboxReply(int status, String contentType, JsonObject body) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static SandboxReply json(int status, JsonObject body) {
    return new SandboxReply(status, JSON, body);
  }

  static SandboxReply of(PaymentProblem problem) {
    return new SandboxReply(
        problem.status(),
        PROBLEM_JSON,
        SandboxJson.problem(problem.status(), problem.title(), problem.getMessage()));
  }
}
