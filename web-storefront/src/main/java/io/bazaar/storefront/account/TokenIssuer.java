package io.bazaar.storefront.account;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.bazaar.customer.boundary.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the shop's access tokens: JWTs signed with RS256 that MicroProfile JWT verifies with the
 * matching public key. Signed with the JDK's own {@link Signature} rather than a JOSE library:
 * Payara ships its own copy of such a library for its verifier, and a second copy in the WAR could
 * clash with it; an RS256 signature over two Base64url strings needs nothing more.
 *
 * <p>The signing key is the PKCS#8 PEM in {@code bazaar.jwt.signing-key} (environment {@code
 * BAZAAR_JWT_SIGNING_KEY}). Without a usable key the shop still runs; only sign-in is unavailable.
 */
@ApplicationScoped
public class TokenIssuer {

  private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(UTF_8));
  private static final int MIN_KEY_BITS = 2048;

  /** A signed token and the number of seconds it stays valid. */
  public record IssuedToken(String token, long expiresIn) {}

  private Optional<PrivateKey> signingKey;
  private String issuer;
  private Duration lifetime;
  private Clock clock;

  /** For the container's proxy only. */
  protected TokenIssuer() {}

  @Inject
  TokenIssuer(
      @ConfigProperty(name = "bazaar.jwt.signing-key") Optional<String> signingKeyPem,
      @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "bazaar") String issuer,
      @ConfigProperty(name = "bazaar.jwt.lifetime-seconds", defaultValue = "3600")
          long lifetimeSeconds) {
    this(signingKeyPem.flatMap(TokenIssuer::usableKey), issuer, lifetimeSeconds, Clock.systemUTC());
  }

  TokenIssuer(Optional<PrivateKey> signingKey, String issuer, long lifetimeSeconds, Clock clock) {
    if (lifetimeSeconds <= 0) {
      throw new IllegalArgumentException("bazaar.jwt.lifetime-seconds must be positive");
    }
    this.signingKey = signingKey;
    this.issuer = issuer;
    this.lifetime = Duration.ofSeconds(lifetimeSeconds);
    this.clock = clock;
  }

  /** Reads the configuration at deployment, so that a missing or broken key is logged at once. */
  void checkAtStartup(@Observes Startup startup) {
    if (signingKey.isEmpty()) {
      LOG.warning(
          "no usable bazaar.jwt.signing-key: POST /api/v1/auth/token answers 503 until one is"
              + " configured");
    }
  }

  public boolean canIssue() {
    return signingKey.isPresent();
  }

  /**
   * A token naming the caller ({@code upn}, {@code sub}) and their {@code groups}, valid from now
   * for the configured lifetime.
   *
   * @throws IllegalStateException if no signing key is configured; ask {@link #canIssue()} first
   */
  public IssuedToken issue(Caller caller) {
    PrivateKey key =
        signingKey.orElseThrow(() -> new IllegalStateException("no token signing key"));
    Instant now = clock.instant();
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", caller.accountId())
            .add("upn", caller.name())
            .add("groups", Json.createArrayBuilder(caller.groups().stream().sorted().toList()))
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(lifetime).getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build();
    String signingInput =
        HEADER + "." + BASE64URL.encodeToString(claims.toString().getBytes(UTF_8));
    return new IssuedToken(
        signingInput + "." + BASE64URL.encodeToString(sign(signingInput, key)),
        lifetime.toSeconds());
  }

  private static byte[] sign(String signingInput, PrivateKey key) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(US_ASCII));
      return rs256.sign();
    } catch (GeneralSecurityException impossibleWithAnRsaKey) {
      throw new IllegalStateException(
          "cannot sign with the configured key", impossibleWithAnRsaKey);
    }
  }

  private static Optional<PrivateKey> usableKey(String pem) {
    try {
      return Optional.of(privateKey(pem));
    } catch (IllegalArgumentException unusable) {
      LOG.severe("bazaar.jwt.signing-key is unusable: " + unusable.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The RSA key of a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). Line breaks may be real or
   * written as {@code \n}, as environment variables often carry them.
   */
  static PrivateKey privateKey(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the key is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    if (pem.contains("ENCRYPTED")) {
      throw new IllegalArgumentException(
          "the key is encrypted; an unencrypted PKCS#8 key is needed");
    }
    String base64 =
        pem.replace("\\n", "\n")
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    RSAPrivateKey key = decodeRsa(base64);
    int bits = key.getModulus().bitLength();
    if (bits < MIN_KEY_BITS) {
      throw new IllegalArgumentException(
          "the RSA key has " + bits + " bits; RS256 needs at least " + MIN_KEY_BITS);
    }
    return key;
  }

  private static RSAPrivateKey decodeRsa(String base64) {
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      throw new IllegalArgumentException("not a PKCS#8 RSA private key in PEM form", malformed);
    }
  }
}
