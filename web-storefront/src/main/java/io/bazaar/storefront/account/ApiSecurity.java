package io.bazaar.storefront.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Turns on MicroProfile JWT for the API: a request with {@code Authorization: Bearer <token>} is
 * authenticated with the token the shop issued ({@link TokenIssuer}), verified against {@code
 * mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer}; the token's groups are the caller's
 * roles. Requests without a token stay anonymous, so catalog, carts and checkout remain public;
 * only resources marked {@code @RolesAllowed} demand a token.
 *
 * <p>A CDI bean so that the container sees the annotation while it discovers beans.
 */
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "bazaar")
@DeclareRoles({ApiSecurity.ADMIN, ApiSecurity.CUSTOMER})
public class ApiSecurity {

  /** Back-office staff. */
  public static final String ADMIN = "admin";

  /** Shoppers with an account. */
  public static final String CUSTOMER = "customer";
}
