package io.bazaar.ordering.control;

import io.bazaar.ordering.boundary.OrderPlaced;

/** The port through which ordering tells the rest of the shop what happened. */
public interface OrderEvents {

  /**
   * Publishes the event as part of the caller's transaction: it is delivered only if that commits.
   */
  void orderPlaced(OrderPlaced event);
}
