package io.bazaar.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone who signs in: a shopper or a member of the back-office staff. The password itself is
 * never kept, only its salted hash, and every rule about e-mail, name and password is checked
 * before the (deliberately slow) hash is computed.
 */
@Entity
@Table(name = "account")
public class Account {

  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_DISPLAY_NAME_LENGTH = 120;
  public static final int MIN_PASSWORD_LENGTH = 10;

  /** Long enough for any passphrase, short enough that nobody makes the shop hash megabytes. */
  public static final int MAX_PASSWORD_LENGTH = 256;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  /** What someone may do; each role is the one security group its holders are in. */
  public enum Role {
    CUSTOMER("customer"),
    ADMIN("admin");

    private final String group;

    Role(String group) {
      this.group = group;
    }

    public String group() {
      return group;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 120)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Account() {}

  /**
   * Opens an account after checking the e-mail address, the display name and the password policy;
   * only then is the password hashed with {@code hashing}.
   */
  public static Account open(
      String email, String displayName, String password, Role role, PasswordHash hashing) {
    if (role == null) {
      throw new IllegalArgumentException("a role is required");
    }
    Account account = new Account();
    account.email = normalizeEmail(email);
    account.displayName = normalizeDisplayName(displayName);
    account.passwordHash = hashing.generate(acceptablePassword(password).toCharArray());
    account.role = role;
    account.createdAt = Instant.now();
    return account;
  }

  /**
   * The stored form of an e-mail address: trimmed and lower-cased, so that uniqueness ignores case
   * (the table enforces the same with a check constraint).
   */
  public static String normalizeEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("an e-mail address is required");
    }
    String normalized = canonicalEmail(email);
    if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
      throw new IllegalArgumentException(
          "'" + abbreviate(normalized) + "' is not an e-mail address");
    }
    return normalized;
  }

  /** The form under which an address would be stored, without judging whether it is valid. */
  public static String canonicalEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A display name is shown to other people and on pages: trimmed, 1 to 120 characters, and free of
   * control characters such as line breaks.
   */
  public static String normalizeDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("a display name is required");
    }
    String normalized = displayName.strip();
    if (normalized.codePointCount(0, normalized.length()) > MAX_DISPLAY_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a display name has at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
    }
    if (normalized.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a display name cannot contain control characters");
    }
    return normalized;
  }

  /** The password policy: length is what makes a password hard to guess, so length is the rule. */
  public static String acceptablePassword(String password) {
    if (password == null) {
      throw new IllegalArgumentException("a password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (length > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "a password has at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    return password;
  }

  /** Whether {@code candidate} is this account's password; the comparison is constant-time. */
  public boolean hasPassword(String candidate, PasswordHash hashing) {
    return candidate != null && hashing.verify(candidate.toCharArray(), passwordHash);
  }

  /** The security groups of this account's holder: exactly the group of its role. */
  public Set<String> groups() {
    return Set.of(role.group());
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public Role role() {
    return role;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
