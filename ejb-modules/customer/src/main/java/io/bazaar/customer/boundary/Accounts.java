package io.bazaar.customer.boundary;

import io.bazaar.customer.control.Passwords;
import io.bazaar.customer.entity.Account;
import io.bazaar.customer.entity.Account.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;

/** Opening accounts and checking the passwords of people who sign in. */
@Stateless
public class Accounts {

  private static final String UNIQUE_VIOLATION = "23505";

  @PersistenceContext(unitName = "customer")
  EntityManager em;

  @Inject Passwords passwords;

  /**
   * Opens a shopper's account.
   *
   * @throws IllegalArgumentException if the e-mail address, display name or password is not
   *     acceptable
   * @throws DuplicateAccount if the e-mail address has an account already
   */
  public AccountView register(String email, String displayName, String password) {
    return open(email, displayName, password, Role.CUSTOMER);
  }

  /**
   * Opens an account for a member of the back-office staff.
   *
   * @throws IllegalArgumentException if the e-mail address, display name or password is not
   *     acceptable
   * @throws DuplicateAccount if the e-mail address has an account already
   */
  public AccountView registerAdministrator(String email, String displayName, String password) {
    return open(email, displayName, password, Role.ADMIN);
  }

  /**
   * The caller with this e-mail address and password, or nothing. Both an unknown address and a
   * wrong password cost one hash verification, so the answer time does not tell them apart.
   *
   * <p>Runs without a transaction: the slow verification must not hold a database connection.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<Caller> authenticate(String email, String password) {
    Optional<Account> account = email == null ? Optional.empty() : byEmail(email);
    if (account.isEmpty()) {
      passwords.verifyDecoy(password);
      return Optional.empty();
    }
    return account.filter(found -> found.hasPassword(password, passwords)).map(Caller::of);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AccountView> find(long id) {
    return Optional.ofNullable(em.find(Account.class, id)).map(AccountView::of);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean exists(String email) {
    return byEmail(email).isPresent();
  }

  private AccountView open(String email, String displayName, String password, Role role) {
    Account account = Account.open(email, displayName, password, role, passwords);
    if (byEmail(account.email()).isPresent()) {
      throw new DuplicateAccount(account.email());
    }
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException failure) {
      if (isUniqueViolation(failure)) {
        // A concurrent registration of the same address committed between the check and the
        // insert: the unique constraint decided, and this request lost.
        throw new DuplicateAccount(account.email());
      }
      throw failure;
    }
    return AccountView.of(account);
  }

  private Optional<Account> byEmail(String email) {
    return em.createQuery("select a from Account a where a.email = :email", Account.class)
        .setParameter("email", Account.canonicalEmail(email))
        .getResultStream()
        .findFirst();
  }

  private static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
