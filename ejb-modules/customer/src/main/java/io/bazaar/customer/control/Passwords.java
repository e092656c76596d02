package io.bazaar.customer.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.PasswordHash;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The shop's password hashing: Jakarta Security's PBKDF2 with HMAC-SHA256 at 210,000 iterations
 * (OWASP's 2023 recommendation), a 32-byte random salt and a 32-byte key. The stored hash names its
 * algorithm and iteration count, so raising the work factor later keeps existing hashes verifiable.
 *
 * <p>Typed to this class alone: it must not compete with the container's own {@link PasswordHash}
 * beans at other injection points.
 */
@ApplicationScoped
@Typed(Passwords.class)
public class Passwords implements PasswordHash {

  static final int ITERATIONS = 210_000;

  private static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
          "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** The hash of a random password nobody knows, with the same parameters as real hashes. */
  private String decoyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(PARAMETERS);
    decoyHash = pbkdf2.generate(randomPassword());
  }

  @Override
  public String generate(char[] password) {
    return pbkdf2.generate(password);
  }

  @Override
  public boolean verify(char[] password, String hashedPassword) {
    return pbkdf2.verify(password, hashedPassword);
  }

  /**
   * Spends the time of one verification without an account to verify against, so that an unknown
   * e-mail address is answered as slowly as a wrong password and sign-in does not reveal which
   * addresses have accounts.
   */
  public void verifyDecoy(String candidate) {
    pbkdf2.verify(candidate == null ? new char[0] : candidate.toCharArray(), decoyHash);
  }

  private static char[] randomPassword() {
    SecureRandom random = new SecureRandom();
    char[] password = new char[32];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('!' + random.nextInt(94));
    }
    return password;
  }
}
