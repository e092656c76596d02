package io.bazaar.admin.security;

import jakarta.security.enterprise.CallerPrincipal;
import java.time.Instant;

/**
 * A caller the storefront vouched for, with the token it issued. It carries the token from {@link
 * StorefrontIdentityStore} through the identity store handler to {@link
 * AdminAuthenticationMechanism}, which keeps it in the session.
 */
public class StorefrontCaller extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final String displayName;
  private final String accessToken;
  private final Instant expiresAt;

  public StorefrontCaller(String name, String displayName, String accessToken, Instant expiresAt) {
    super(name);
    this.displayName = displayName;
    this.accessToken = accessToken;
    this.expiresAt = expiresAt;
  }

  public String displayName() {
    return displayName;
  }

  public String accessToken() {
    return accessToken;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
