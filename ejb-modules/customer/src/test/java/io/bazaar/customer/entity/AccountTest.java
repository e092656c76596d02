package io.bazaar.customer.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bazaar.customer.entity.Account.Role;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

  private static final String PASSWORD = "correct horse battery";

  /** Stands in for PBKDF2: reversible, so the tests can see what was hashed, and records calls. */
  static final class RecordingHash implements PasswordHash {

    final List<String> hashed = new ArrayList<>();

    @Override
    public String generate(char[] password) {
      hashed.add(new String(password));
      return "test$" + new StringBuilder(new String(password)).reverse();
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
      return hashedPassword.equals("test$" + new StringBuilder(new String(password)).reverse());
    }
  }

  private final RecordingHash hashing = new RecordingHash();

  private Account customer(String email, String displayName, String password) {
    return Account.open(email, displayName, password, Role.CUSTOMER, hashing);
  }

  @Test
  void storesTheEmailAddressTrimmedAndLowerCased() {
    Account account = customer("  Ada.Lovelace@Example.ORG ", "Ada", PASSWORD);

    assertThat(account.email()).isEqualTo("ada.lovelace@example.org");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "ada", "ada@", "@example.org", "ada@example", "a da@example.org"})
  void refusesWhatIsNotAnEmailAddress(String email) {
    assertThatIllegalArgumentException().isThrownBy(() -> customer(email, "Ada", PASSWORD));
  }

  @Test
  void refusesAnEmailAddressLongerThanTheColumn() {
    String tooLong = "ada@" + "x".repeat(247) + ".org";

    assertThat(tooLong).hasSize(255);
    assertThatIllegalArgumentException().isThrownBy(() -> customer(tooLong, "Ada", PASSWORD));
  }

  @Test
  void trimsTheDisplayName() {
    assertThat(customer("ada@example.org", "  Ada Lovelace ", PASSWORD).displayName())
        .isEqualTo("Ada Lovelace");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "Ada\nLovelace", "Ada\u0000", "\tAda\u0007"})
  void refusesBlankDisplayNamesAndControlCharacters(String displayName) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("ada@example.org", displayName, PASSWORD));
  }

  @Test
  void countsDisplayNameLengthInCharactersNotUtf16Units() {
    String hundredTwentyEmoji = "\uD83D\uDE00".repeat(120);

    assertThat(customer("ada@example.org", hundredTwentyEmoji, PASSWORD).displayName())
        .isEqualTo(hundredTwentyEmoji);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("ada@example.org", "x".repeat(121), PASSWORD))
        .withMessageContaining("at most 120");
  }

  @Test
  void acceptsAPasswordOfTenCharacters() {
    assertThat(customer("ada@example.org", "Ada", "0123456789").hasPassword("0123456789", hashing))
        .isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"012345678", "short"})
  void refusesPasswordsShorterThanTenCharacters(String password) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("ada@example.org", "Ada", password));
  }

  @Test
  void refusesPasswordsLongerThanTheLimit() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("ada@example.org", "Ada", "p".repeat(257)))
        .withMessageContaining("at most 256");
  }

  @Test
  void checksEveryRuleBeforeSpendingTimeOnTheHash() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("not an address", "Ada", PASSWORD));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> customer("ada@example.org", "Ada", "too short"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Account.open("ada@example.org", "Ada", PASSWORD, null, hashing));

    assertThat(hashing.hashed).isEmpty();
  }

  @Test
  void verifiesThePasswordThroughTheHash() {
    Account account = customer("ada@example.org", "Ada", PASSWORD);

    assertThat(hashing.hashed).containsExactly(PASSWORD);
    assertThat(account.hasPassword(PASSWORD, hashing)).isTrue();
    assertThat(account.hasPassword("correct horse battery ", hashing)).isFalse();
    assertThat(account.hasPassword("", hashing)).isFalse();
    assertThat(account.hasPassword(null, hashing)).isFalse();
  }

  @Test
  void putsEachHolderInTheGroupOfTheRole() {
    Account shopper = customer("ada@example.org", "Ada", PASSWORD);
    Account admin = Account.open("grace@example.org", "Grace", PASSWORD, Role.ADMIN, hashing);

    assertThat(shopper.groups()).containsExactly("customer");
    assertThat(admin.groups()).containsExactly("admin");
  }

  @Test
  void recordsWhenTheAccountWasOpened() {
    Account account = customer("ada@example.org", "Ada", PASSWORD);

    assertThat(account.createdAt()).isNotNull();
    assertThat(account.role()).isEqualTo(Role.CUSTOMER);
  }
}
