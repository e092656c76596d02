package io.bazaar.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in member of staff, kept in the HTTP session. Serializable and self-contained, so that
 * a session replicated to another cluster member still carries the caller's groups: the container's
 * own login state does not survive the move (Payara issue #6342), this does, and {@link
 * AdminAuthenticationMechanism} hands it to the container again on every request.
 *
 * @param caller the principal name, the e-mail address
 * @param displayName how to greet the caller
 * @param groups the caller's security groups
 * @param accessToken the storefront's bearer token, for calls to its API on the caller's behalf
 * @param expiresAt when the access token, and with it this sign-in, ends
 */
public record SignedInAdmin(
    String caller, String displayName, Set<String> groups, String accessToken, Instant expiresAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String SESSION_ATTRIBUTE = SignedInAdmin.class.getName();

  public SignedInAdmin {
    groups = Set.copyOf(groups);
  }

  /** The signed-in admin of the request's session, if there is a session and a sign-in. */
  public static Optional<SignedInAdmin> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return Optional.ofNullable((SignedInAdmin) session.getAttribute(SESSION_ATTRIBUTE));
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Never prints the access token, wherever a session ends up being logged. */
  @Override
  public String toString() {
    return "SignedInAdmin[caller="
        + caller
        + ", groups="
        + groups
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
