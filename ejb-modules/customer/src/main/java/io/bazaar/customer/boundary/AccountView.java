package io.bazaar.customer.boundary;

import io.bazaar.customer.entity.Account;
import java.time.Instant;

/** An account as its holder sees it: never its password hash. */
public record AccountView(long id, String email, String displayName, Instant createdAt) {

  static AccountView of(Account account) {
    return new AccountView(
        account.id(), account.email(), account.displayName(), account.createdAt());
  }
}
