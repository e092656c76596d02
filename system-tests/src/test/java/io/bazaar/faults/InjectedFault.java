package io.bazaar.faults;

/** A failure the tests caused on purpose; a system exception, so the container rolls back. */
public class InjectedFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InjectedFault(String message) {
    super(message);
  }
}
