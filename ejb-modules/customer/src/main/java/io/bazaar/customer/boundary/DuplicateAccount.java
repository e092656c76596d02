package io.bazaar.customer.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An account with this e-mail address exists already, or was opened by a concurrent request that
 * committed first. A conflict with the shop's state, hence an {@link IllegalStateException}.
 */
@ApplicationException(rollback = true)
public class DuplicateAccount extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String email;

  public DuplicateAccount(String email) {
    super("an account with the e-mail address " + email + " exists already");
    this.email = email;
  }

  public String email() {
    return email;
  }
}
