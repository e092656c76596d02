package io.bazaar.storefront.view.account;

import io.bazaar.customer.boundary.Caller;
import io.bazaar.review.boundary.Reviews;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Who is signed in to the shop's pages in this browser session, if anyone.
 *
 * <p>Kept in the session rather than as a container principal: Jakarta Security 3 allows one
 * authentication mechanism per application, and the storefront's is MicroProfile JWT for the API
 * (bearer tokens, no session). The pages verify the password through the same {@code Accounts}
 * boundary the token endpoint uses, and then remember the account here; the session cookie is
 * HttpOnly and SameSite=Lax, and its id changes at sign-in.
 */
@Named
@SessionScoped
public class SignedInCustomer implements Serializable {

  private static final long serialVersionUID = 1L;

  private String accountId;
  private String email;
  private String displayName;

  void signIn(Caller caller) {
    accountId = caller.accountId();
    email = caller.name();
    displayName = caller.displayName();
  }

  /** Also true for staff: an administrator shops and reviews like anyone. */
  public boolean isSignedIn() {
    return accountId != null;
  }

  /** The customer as the author of a review; only while signed in. */
  public Reviews.Author author() {
    requireSignedIn();
    return new Reviews.Author(accountId, email, displayName);
  }

  public String accountId() {
    requireSignedIn();
    return accountId;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  private void requireSignedIn() {
    if (accountId == null) {
      throw new IllegalStateException("sign in first");
    }
  }
}
