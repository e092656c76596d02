package io.bazaar.recommendation.boundary;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class UnknownProductToRecommend extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownProductToRecommend(String slug) {
    super("no product " + slug + " on sale");
  }
}
