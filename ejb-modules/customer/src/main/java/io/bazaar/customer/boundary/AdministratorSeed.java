package io.bazaar.customer.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens the back-office account of the first administrator at start-up, from configuration ({@code
 * bazaar.admin.email}, {@code bazaar.admin.password}; environment {@code BAZAAR_ADMIN_EMAIL},
 * {@code BAZAAR_ADMIN_PASSWORD}). Without a configured password it does nothing, so no deployment
 * ever gets a well-known default password; an existing account is left as it is, so a changed
 * password is never overwritten.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdministratorSeed {

  private static final Logger LOG = Logger.getLogger(AdministratorSeed.class.getName());

  @Inject
  @ConfigProperty(name = "bazaar.admin.email", defaultValue = "admin@bazaar.example")
  String email;

  @Inject
  @ConfigProperty(name = "bazaar.admin.name", defaultValue = "Shop administrator")
  String displayName;

  @Inject
  @ConfigProperty(name = "bazaar.admin.password")
  Optional<String> password;

  @Inject Accounts accounts;

  @PostConstruct
  void openAdministratorAccount() {
    if (password.isEmpty()) {
      LOG.info("bazaar.admin.password is not set: no administrator account is opened");
      return;
    }
    if (accounts.exists(email)) {
      LOG.info(() -> "administrator account " + email + " exists; left unchanged");
      return;
    }
    try {
      accounts.registerAdministrator(email, displayName, password.get());
      LOG.info(() -> "opened the administrator account " + email);
    } catch (DuplicateAccount openedByAnotherMember) {
      LOG.info(() -> "administrator account " + email + " was opened by another cluster member");
    } catch (IllegalArgumentException unacceptable) {
      // The message names the broken rule, never the configured password.
      LOG.log(
          Level.SEVERE,
          "administrator account {0} not opened: {1}",
          new Object[] {email, unacceptable.getMessage()});
    }
  }
}
