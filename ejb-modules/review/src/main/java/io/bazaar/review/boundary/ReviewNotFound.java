package io.bazaar.review.boundary;

import jakarta.ejb.ApplicationException;

/** No such review, or no product on sale to review. */
@ApplicationException(rollback = true)
public class ReviewNotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReviewNotFound(String what) {
    super(what);
  }
}
