package io.bazaar.admin.security;

import io.bazaar.admin.security.TokenClient.Credentials;
import io.bazaar.admin.security.TokenClient.Grant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Checks e-mail and password by asking the storefront for a token ({@code POST /auth/token} under
 * {@code bazaar.api.url}): the console keeps no accounts of its own. A valid result carries the
 * token in a {@link StorefrontCaller}.
 */
@ApplicationScoped
public class StorefrontIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(StorefrontIdentityStore.class.getName());

  /** Tells the Rest Client to turn no status into an exception: every status is read here. */
  static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

  @Inject
  @ConfigProperty(name = "bazaar.api.url", defaultValue = "http://127.0.0.1:8080/api/v1")
  String apiUrl;

  private final Clock clock = Clock.systemUTC();
  private TokenClient tokens;

  @PostConstruct
  void connect() {
    tokens =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(apiUrl))
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .property(DISABLE_DEFAULT_MAPPER, true)
            .build(TokenClient.class);
  }

  /** Lifecycle methods may not throw checked exceptions; a failed close only loses a connection. */
  @PreDestroy
  void disconnect() {
    try {
      ((Closeable) tokens).close();
    } catch (IOException closeFailed) {
      LOG.log(Level.WARNING, "closing the token client failed", closeFailed);
    }
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential signIn)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Instant askedAt = clock.instant();
    try (Response answer =
        tokens.requestToken(new Credentials(signIn.getCaller(), signIn.getPasswordAsString()))) {
      return switch (answer.getStatus()) {
        case 200 -> valid(answer.readEntity(Grant.class), askedAt);
        // 400: a field was missing; 401: wrong e-mail or password. Either way, not signed in.
        case 400, 401 -> CredentialValidationResult.INVALID_RESULT;
        default ->
            throw new StorefrontUnavailable(
                "the storefront's token endpoint answered " + answer.getStatus());
      };
    } catch (ProcessingException unreachable) {
      throw new StorefrontUnavailable("the storefront is unreachable at " + apiUrl, unreachable);
    }
  }

  /** The token's expiry counts from before the request, so the console never outlives the token. */
  private static CredentialValidationResult valid(Grant grant, Instant askedAt) {
    StorefrontCaller caller =
        new StorefrontCaller(
            grant.name(),
            grant.displayName(),
            grant.accessToken(),
            askedAt.plusSeconds(grant.expiresIn()));
    return new CredentialValidationResult(caller, Set.copyOf(grant.groups()));
  }
}
