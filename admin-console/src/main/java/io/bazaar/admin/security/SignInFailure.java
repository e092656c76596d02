package io.bazaar.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Why a sign-in was refused. The authentication mechanism can only answer "failed"; it leaves the
 * reason in the request for the sign-in page to explain.
 */
public enum SignInFailure {
  WRONG_CREDENTIALS("Wrong e-mail address or password."),
  NOT_STAFF("This account is not a back-office account."),
  STOREFRONT_UNAVAILABLE("The shop could not check your sign-in just now. Please try again.");

  private static final String REQUEST_ATTRIBUTE = SignInFailure.class.getName();

  private final String explanation;

  SignInFailure(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }

  void recordIn(HttpServletRequest request) {
    request.setAttribute(REQUEST_ATTRIBUTE, this);
  }

  public static Optional<SignInFailure> of(HttpServletRequest request) {
    return Optional.ofNullable((SignInFailure) request.getAttribute(REQUEST_ATTRIBUTE));
  }
}
