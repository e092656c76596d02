package io.bazaar.server;

import java.time.Duration;

/**
 * The current process of a service that stops and starts again (the broker, OpenSearch, a Payara
 * member): what stop, kill and pid act on. A start holds this object's lock while it launches the
 * process, so a stop from another thread (a shutdown hook) either comes first or sees the process.
 */
final class ServiceProcess {

  private final String name;
  private ChildProcess process;

  ServiceProcess(String name) {
    this.name = name;
  }

  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Records the process a start has just launched. */
  synchronized void set(ChildProcess started) {
    process = started;
  }

  /** A start that failed: forgets its process, unless a later one replaced it, and stops it. */
  void abandon(ChildProcess starting, Duration grace) {
    forget(starting);
    starting.stop(grace);
  }

  /**
   * A start that failed, ended as a crash (kill -9): for a Payara member whose recovery at start
   * may still be waiting for a server, so that its transaction log stays exactly as a crash leaves
   * it.
   */
  void abandonAsCrash(ChildProcess starting) {
    forget(starting);
    starting.kill();
  }

  private synchronized void forget(ChildProcess starting) {
    if (process == starting) {
      process = null;
    }
  }

  /** Graceful stop: SIGTERM, then kill after the grace. */
  synchronized void stop(Duration grace) {
    if (process != null) {
      process.stop(grace);
      process = null;
    }
  }

  /** kill -9, as a crash. */
  synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return process.pid();
  }
}
