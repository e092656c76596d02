package io.bazaar.customer.boundary;

import io.bazaar.customer.entity.Account;
import java.util.Set;

/**
 * Someone whose password was just verified.
 *
 * @param accountId the account's stable id, never reassigned
 * @param name the caller's unique principal name: the e-mail address
 * @param displayName how to greet the caller
 * @param groups the security groups, {@code admin} or {@code customer}
 */
public record Caller(String accountId, String name, String displayName, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }

  static Caller of(Account account) {
    return new Caller(
        String.valueOf(account.id()), account.email(), account.displayName(), account.groups());
  }
}
