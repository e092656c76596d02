package io.bazaar.admin.security;

/** The storefront's API could not be asked, or answered with a failure of its own. */
public class StorefrontUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StorefrontUnavailable(String message) {
    super(message);
  }

  public StorefrontUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
