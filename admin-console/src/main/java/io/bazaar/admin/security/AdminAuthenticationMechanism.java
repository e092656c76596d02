package io.bazaar.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs staff in and keeps them signed in across cluster members.
 *
 * <ul>
 *   <li>Sign-in: the sign-in page passes the credential through {@code
 *       SecurityContext.authenticate}; the identity store asks the storefront; only the group
 *       {@value #ADMIN_GROUP} may enter. The session id changes on success, so a session id planted
 *       before sign-in is worthless after.
 *   <li>Every other request: the {@link SignedInAdmin} in the session is handed to the container
 *       again. Unlike the container's own remembered login, it survives a session moving to another
 *       member with its groups intact.
 *   <li>No sign-in, or an expired one, on a protected page: redirect to the sign-in page.
 * </ul>
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String ADMIN_GROUP = "admin";
  public static final String SIGN_IN_PAGE = "/login.xhtml";

  private static final Logger LOG = Logger.getLogger(AdminAuthenticationMechanism.class.getName());

  @Inject IdentityStoreHandler identityStores;

  private final Clock clock = Clock.systemUTC();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, context, credential);
    }
    Optional<SignedInAdmin> admin = SignedInAdmin.of(request);
    if (admin.isPresent() && !admin.get().isExpiredAt(clock.instant())) {
      return context.notifyContainerAboutLogin(admin.get().caller(), admin.get().groups());
    }
    admin.ifPresent(expired -> request.getSession().invalidate());
    if (context.isProtected()) {
      return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result;
    try {
      result = identityStores.validate(credential);
    } catch (StorefrontUnavailable unavailable) {
      LOG.warning(() -> "sign-in not checked: " + unavailable.getMessage());
      return refuse(request, SignInFailure.STOREFRONT_UNAVAILABLE);
    }
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return refuse(request, SignInFailure.WRONG_CREDENTIALS);
    }
    if (!result.getCallerGroups().contains(ADMIN_GROUP)
        || !(result.getCallerPrincipal() instanceof StorefrontCaller caller)) {
      LOG.info(() -> "sign-in refused, not staff: " + result.getCallerPrincipal().getName());
      return refuse(request, SignInFailure.NOT_STAFF);
    }
    SignedInAdmin admin =
        new SignedInAdmin(
            caller.getName(),
            caller.displayName(),
            result.getCallerGroups(),
            caller.accessToken(),
            caller.expiresAt());
    request.getSession();
    request.changeSessionId();
    request.getSession().setAttribute(SignedInAdmin.SESSION_ATTRIBUTE, admin);
    return context.notifyContainerAboutLogin(admin.caller(), admin.groups());
  }

  private static AuthenticationStatus refuse(HttpServletRequest request, SignInFailure failure) {
    failure.recordIn(request);
    return AuthenticationStatus.SEND_FAILURE;
  }
}
