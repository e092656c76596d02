package io.bazaar.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Payara Micro member as its own JVM ({@code java -jar payara-micro.jar}), configured by the
 * rendered pre-boot and post-boot command files and hazelcast.xml of src/main/payara.
 *
 * <p>{@link #stop()} is a graceful shutdown (SIGTERM); {@link #kill()} is kill -9 of the Payara JVM
 * itself, as a crash. {@link #start()} after either comes back on the same root directory, so the
 * transaction log is recovered.
 */
public final class PayaraMember implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PayaraMember.class.getName());
  static final String PRE_BOOT_COMMANDS = "pre-boot-commands.asadmin";
  static final String POST_BOOT_COMMANDS = "post-boot-commands.asadmin";
  static final String HAZELCAST_CONFIG = "hazelcast.xml";
  private static final int LOG_LINES_ON_FAILURE = 80;

  private final PayaraSettings settings;
  private final ServiceProcess process;

  public PayaraMember(PayaraSettings settings) {
    this.settings = settings;
    this.process = new ServiceProcess("Payara Micro member " + settings.nodeName());
  }

  /**
   * Starts the member and waits until it is ready (see {@link #awaitReady}). On failure or timeout
   * the member is stopped and the exception carries the end of its logs. {@link #stop()} and {@link
   * #kill()} work while this waits, e.g. from a shutdown hook.
   */
  public PayaraMember start() throws IOException, InterruptedException {
    ChildProcess starting;
    BootProgress boot;
    synchronized (process) {
      if (process.isRunning()) {
        return this;
      }
      ChildProcess.stopLeftOver(name(), settings.pidFile(), settings.rootDirectory().toString());
      TcpPorts.requireFree(settings.httpAddress(), settings.httpPort(), "Payara Micro");
      Files.createDirectories(settings.rootDirectory());
      MemberLogs.archivePreviousLife(settings);
      List<String> command = command(renderBootFiles());
      boot = new BootProgress(settings.consoleFile());
      starting =
          ChildProcess.start(
              name(),
              command,
              environment(),
              settings.dataDirectory(),
              settings.consoleFile(),
              settings.pidFile(),
              settings.rootDirectory().toString());
      process.set(starting);
    }
    LOG.log(
        Level.INFO,
        "Payara Micro member {0} started as process {1,number,#}; waiting for {2}",
        settings.nodeName(),
        starting.pid(),
        readinessUri());
    try {
      awaitReady(starting, boot);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.abandon(starting, settings.stopTimeout());
      throw e;
    }
    return this;
  }

  /** Graceful stop: SIGTERM, then kill after the stop timeout. */
  public void stop() {
    process.stop(settings.stopTimeout());
  }

  /** kill -9 of the Payara JVM: no shutdown hook runs, in-flight transactions stay in the log. */
  public void kill() {
    process.kill();
  }

  public PayaraMember restart() throws IOException, InterruptedException {
    stop();
    return start();
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return process.isRunning();
  }

  /** The process id of the Payara JVM. */
  public long pid() {
    return process.pid();
  }

  /** {@code http://<address>:<port>}, without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://" + settings.httpAddress() + ":" + settings.httpPort());
  }

  public PayaraSettings settings() {
    return settings;
  }

  /** The variables the member runs with: the settings' plus its address and name. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>(settings.environment());
    environment.put("BAZAAR_HTTP_ADDRESS", settings.httpAddress());
    environment.put("BAZAAR_NODE_NAME", settings.nodeName());
    return environment;
  }

  private String name() {
    return "Payara Micro member " + settings.nodeName();
  }

  /** The member's name: its transaction identity. */
  public String nodeName() {
    return settings.nodeName();
  }

  private URI readinessUri() {
    return URI.create(baseUri() + settings.readinessPath());
  }

  /** Renders the templates into the boot directory; returns it. */
  private Path renderBootFiles() throws IOException {
    Path templates = settings.templateDirectory();
    Path boot = Files.createDirectories(settings.bootDirectory());
    Map<String, String> environment = environment();
    Files.writeString(
        boot.resolve(PRE_BOOT_COMMANDS),
        Templates.renderCommandFile(
            Files.readString(templates.resolve(PRE_BOOT_COMMANDS)), environment));
    Path domainXml = settings.rootDirectory().resolve("config").resolve("domain.xml");
    StringBuilder postBoot =
        new StringBuilder(
            Templates.withoutUnchangedSettings(
                Templates.renderCommandFile(
                    Files.readString(templates.resolve(POST_BOOT_COMMANDS)), environment),
                Files.exists(domainXml)
                    ? Optional.of(Files.readString(domainXml))
                    : Optional.empty()));
    for (PayaraSettings.Deployment deployment : settings.deployments()) {
      postBoot.append(
          Templates.renderCommandFile(
              "deploy --contextroot ${ENV=ROOT} --name ${ENV=NAME} ${ENV=ARCHIVE}",
              Map.of(
                  "ROOT", deployment.contextRoot(),
                  "NAME", deployment.name(),
                  "ARCHIVE", deployment.archive().toString())));
    }
    Files.writeString(boot.resolve(POST_BOOT_COMMANDS), postBoot);
    Files.writeString(
        boot.resolve(HAZELCAST_CONFIG),
        Templates.renderVariables(
            Files.readString(templates.resolve(HAZELCAST_CONFIG)),
            Map.of(
                "BAZAAR_CLUSTER_NAME", settings.clusterName(),
                "BAZAAR_GRID_PORT", Integer.toString(settings.gridPort()),
                "BAZAAR_GRID_MEMBERS", settings.gridMembers(),
                "BAZAAR_GRID_INTERFACE", settings.gridInterface())));
    return boot;
  }

  private List<String> command(Path boot) {
    Path hazelcastConfig = boot.resolve(HAZELCAST_CONFIG);
    List<String> command = new ArrayList<>();
    command.add(settings.javaExecutable().toString());
    command.addAll(settings.jvmOptions());
    // Both are needed: without the system property Hazelcast still binds to every interface.
    command.add("-Dhazelcast.config=" + hazelcastConfig);
    settings.systemProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            settings.payaraMicroJar().toString(),
            "--name",
            settings.nodeName(),
            "--rootdir",
            settings.rootDirectory().toString(),
            "--port",
            Integer.toString(settings.httpPort()),
            "--prebootcommandfile",
            boot.resolve(PRE_BOOT_COMMANDS).toString(),
            "--postbootcommandfile",
            boot.resolve(POST_BOOT_COMMANDS).toString(),
            "--hzconfigfile",
            hazelcastConfig.toString(),
            "--disablephonehome",
            "--logtofile",
            settings.logFileArgument().toString()));
    if (!settings.libraries().isEmpty()) {
      command.add("--addlibs");
      command.add(
          settings.libraries().stream().map(Path::toString).collect(Collectors.joining(":")));
    }
    return command;
  }

  /**
   * Ready means: Payara Micro reported the end of its boot, which includes the post-boot
   * deployments, no application failed to deploy, and the readiness path answers 200. The health
   * endpoint alone is not enough: it answers UP, with no checks, while the applications are still
   * deploying.
   */
  private void awaitReady(ChildProcess member, BootProgress boot)
      throws InterruptedException, IOException {
    HttpProbe probe = new HttpProbe(Duration.ofSeconds(10));
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    int lastStatus = -1;
    while (System.nanoTime() < deadline) {
      boot.readNewOutput();
      if (!member.isAlive()) {
        throw new IllegalStateException(
            name() + " exited during start-up with code " + member.exitValue() + logTails(member));
      }
      if (boot.isComplete() && !boot.failedDeployments().isEmpty()) {
        throw new IllegalStateException(
            name()
                + " could not deploy an application; it was stopped:\n"
                + String.join("\n", boot.failedDeployments())
                + logTails(member));
      }
      if (boot.isComplete()) {
        // No answer: not listening yet, or busy.
        lastStatus = probe.get(readinessUri()).map(HttpResponse::statusCode).orElse(-1);
        if (lastStatus == 200) {
          LOG.log(Level.INFO, "{0} is ready at {1}", name(), baseUri());
          return;
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        name()
            + " was not ready within "
            + settings.startTimeout().toSeconds()
            + " s (boot "
            + (boot.isComplete() ? "complete" : "not complete")
            + ", last answer of "
            + readinessUri()
            + ": "
            + (lastStatus == -1 ? "none" : lastStatus)
            + "); it was stopped"
            + logTails(member));
  }

  private String logTails(ChildProcess member) {
    return "\n--- last lines of "
        + settings.logFile()
        + " ---\n"
        + ChildProcess.tail(settings.logFile(), LOG_LINES_ON_FAILURE)
        + "\n--- last lines of "
        + member.outputLog()
        + " ---\n"
        + ChildProcess.tail(member.outputLog(), 30);
  }

  /** Follows what the member prints to its console during one start. */
  private static final class BootProgress {

    private static final Pattern BOOT_COMPLETE = Pattern.compile("Payara Micro .* ready in ");
    private static final String DEPLOY_FAILED = "Boot Command deploy failed";

    /**
     * On a restart the resource adapter is still registered from the previous boot (the root
     * directory keeps it), so its deploy command fails harmlessly.
     */
    private static final String ALREADY_REGISTERED = "is already registered";

    private final Path console;
    private long position;
    private final StringBuilder partialLine = new StringBuilder();
    private boolean complete;
    private final List<String> failedDeployments = new ArrayList<>();

    BootProgress(Path console) throws IOException {
      this.console = console;
      this.position = Files.exists(console) ? Files.size(console) : 0;
    }

    void readNewOutput() throws IOException {
      if (!Files.exists(console) || Files.size(console) <= position) {
        return;
      }
      try (SeekableByteChannel channel = Files.newByteChannel(console)) {
        channel.position(position);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size() - position, 1 << 20));
        int read;
        do {
          read = channel.read(buffer);
        } while (read > 0 && buffer.hasRemaining());
        position += buffer.position();
        partialLine.append(
            new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
      }
      int end;
      while ((end = partialLine.indexOf("\n")) >= 0) {
        inspect(partialLine.substring(0, end));
        partialLine.delete(0, end + 1);
      }
    }

    private void inspect(String line) {
      if (BOOT_COMPLETE.matcher(line).find()) {
        complete = true;
      }
      if (line.contains(DEPLOY_FAILED) && !line.contains(ALREADY_REGISTERED)) {
        failedDeployments.add(line.substring(line.indexOf(DEPLOY_FAILED)));
      }
    }

    boolean isComplete() {
      return complete;
    }

    List<String> failedDeployments() {
      return failedDeployments;
    }
  }
}
