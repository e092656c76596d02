package io.bazaar.catalog.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An edit made from a version of the product that is no longer the current one: someone else saved
 * a change since the editor opened it. Nothing of the edit was stored; the editor reloads, sees the
 * other change, and decides again.
 */
@ApplicationException(rollback = true)
public class ProductChangedMeanwhile extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long currentVersion;

  public ProductChangedMeanwhile(String slug, long currentVersion) {
    super(
        "product "
            + slug
            + " was changed by someone else since it was opened (now version "
            + currentVersion
            + "); reload it and edit again");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
