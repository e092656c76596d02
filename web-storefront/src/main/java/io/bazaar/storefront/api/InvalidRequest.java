package io.bazaar.storefront.api;

/** A request the API refuses before it reaches the business: a missing body or field. */
public class InvalidRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRequest(String detail) {
    super(detail);
  }

  public static <T> T required(T value, String what) {
    if (value == null) {
      throw new InvalidRequest(what + " is required");
    }
    return value;
  }
}
