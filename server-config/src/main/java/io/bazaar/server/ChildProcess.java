package io.bazaar.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service the shop runs as its own operating-system process (the broker, a Payara Micro member),
 * with its output appended to a log file and its process id recorded in a pid file.
 *
 * <p>The process is started through {@code setsid} where available, in its own session: Ctrl-C in
 * the terminal then reaches only the launcher, which stops the services in order, instead of every
 * service at once. {@code setsid} replaces itself with the command, so {@link #pid()} is the
 * service JVM itself and {@link #kill()} really kills it.
 */
final class ChildProcess {

  private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Duration LEFT_OVER_STOP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Path outputLog;
  private final Path pidFile;

  private ChildProcess(String name, Process process, Path outputLog, Path pidFile) {
    this.name = name;
    this.process = process;
    this.outputLog = outputLog;
    this.pidFile = pidFile;
  }

  /**
   * Starts the command.
   *
   * @param identifyingArgument a string in the command line that only this service's process has
   *     (its instance or root directory); a process left over by a crashed launcher is recognised
   *     by it and stopped first
   */
  static ChildProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      Path outputLog,
      Path pidFile,
      String identifyingArgument)
      throws IOException {
    stopLeftOver(name, pidFile, identifyingArgument);
    List<String> fullCommand = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      fullCommand.add(SETSID.toString());
    }
    fullCommand.addAll(command);
    Files.createDirectories(outputLog.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(fullCommand)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    Files.writeString(pidFile, process.pid() + " " + ProcessHandle.current().pid() + "\n");
    LOG.log(
        Level.DEBUG, "Started {0} as process {1,number,#}: {2}", name, process.pid(), fullCommand);
    return new ChildProcess(name, process, outputLog, pidFile);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only valid once the process has ended. */
  int exitValue() {
    return process.exitValue();
  }

  Path outputLog() {
    return outputLog;
  }

  /** Asks the process to stop (SIGTERM, so its shutdown hooks run), then kills it after a grace. */
  void stop(Duration grace) {
    terminate(process.toHandle(), grace, name);
    deletePidFile();
  }

  /** SIGKILL, as a crash would: no shutdown hook runs. */
  void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    awaitExit(process.toHandle(), Duration.ofSeconds(30));
    deletePidFile();
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + pidFile, e);
    }
  }

  private static void terminate(ProcessHandle handle, Duration grace, String name) {
    List<ProcessHandle> descendants = handle.descendants().toList();
    if (handle.isAlive()) {
      handle.destroy();
      if (!awaitExit(handle, grace)) {
        LOG.log(
            Level.WARNING,
            "{0} (pid {1,number,#}) did not stop within {2}; killing it",
            name,
            handle.pid(),
            grace);
        handle.destroyForcibly();
        awaitExit(handle, Duration.ofSeconds(30));
      }
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  /**
   * A pid file whose process still runs means either another live launcher owns the service (then
   * starting again would fight over ports and files, so refuse) or a launcher died without stopping
   * it (then stop the orphan). A recycled pid is not mistaken for the service: its command line
   * must contain the identifying argument.
   */
  static void stopLeftOver(String name, Path pidFile, String identifyingArgument)
      throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String[] pids = Files.readString(pidFile).trim().split("\\s+");
    Optional<ProcessHandle> service = aliveProcess(pids[0]);
    boolean isThatService =
        service
            .flatMap(handle -> handle.info().commandLine())
            .map(commandLine -> commandLine.contains(identifyingArgument))
            .orElse(false);
    if (isThatService) {
      Optional<ProcessHandle> owner = pids.length > 1 ? aliveProcess(pids[1]) : Optional.empty();
      if (owner.isPresent()) {
        throw new IllegalStateException(
            name
                + " is already running as process "
                + pids[0]
                + ", started by process "
                + pids[1]
                + " (see "
                + pidFile
                + ")");
      }
      LOG.log(
          Level.WARNING,
          "Stopping {0} left running by an earlier launcher (pid {1})",
          name,
          pids[0]);
      terminate(service.get(), LEFT_OVER_STOP_TIMEOUT, name);
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<ProcessHandle> aliveProcess(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The last lines of a log file, for error messages; empty if there is no such file. */
  static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      long length = log.length();
      int window = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[window];
      log.seek(length - window);
      log.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
