package io.bazaar.admin.storefront;

/**
 * The storefront refused a request or could not be asked; the message says why, for the page. The
 * status (0: no answer at all) and the problem type (the last part of its URI, such as {@code
 * changed-meanwhile}) let a page react to particular refusals.
 */
public class StorefrontRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String problemType;

  public StorefrontRefused(int status, String problemType, String message) {
    super(message);
    this.status = status;
    this.problemType = problemType;
  }

  public int status() {
    return status;
  }

  /** Someone else changed what the request was made from: nothing was stored. */
  public boolean isChangedMeanwhile() {
    return "changed-meanwhile".equals(problemType);
  }
}
