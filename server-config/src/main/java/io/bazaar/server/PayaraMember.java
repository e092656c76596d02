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

  /**
   * Answers of 200 without the storefront's check, a second apart, after which a member that
   * finished its boot counts as failed: its health checks register while it deploys, long before
   * the boot ends.
   */
  private static final int ANSWERS_WITHOUT_CHECK_TO_GIVE_UP = 10;

  private final PayaraSettings settings;
  private final ServiceProcess process;
  private final StartedDeployments startedDeployments;

  /** The storefront's check in a readiness answer; asked once a second by the supervisor. */
  private final Pattern readinessCheck;

  public PayaraMember(PayaraSettings settings) {
    this.settings = settings;
    this.process = new ServiceProcess("Payara Micro member " + settings.nodeName());
    this.startedDeployments = new StartedDeployments(settings.rootDirectory());
    this.readinessCheck =
        Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(settings.readinessCheck()) + "\"");
  }

  /**
   * Starts the member and waits until it is ready (see {@link #awaitReady}). On failure or timeout
   * the member is stopped and the exception carries the end of its logs. {@link #stop()} and {@link
   * #kill()} work while this waits, e.g. from a shutdown hook.
   *
   * <p>A restart that left out the forced deploys and then found an application not running (see
   * {@link StartedDeployments}) is tried once more, with them.
   */
  public PayaraMember start() throws IOException, InterruptedException {
    try {
      return startOnce();
    } catch (RememberedApplicationsDidNotStart e) {
      LOG.log(
          Level.WARNING,
          "{0}: the applications its root directory remembers did not all start ({1});"
              + " starting it again, deploying them afresh",
          name(),
          e.reason());
      return startOnce();
    }
  }

  private PayaraMember startOnce() throws IOException, InterruptedException {
    ChildProcess starting;
    BootProgress boot;
    BootFiles bootFiles;
    synchronized (process) {
      if (process.isRunning()) {
        return this;
      }
      ChildProcess.stopLeftOver(name(), settings.pidFile(), settings.rootDirectory().toString());
      TcpPorts.requireFree(settings.httpAddress(), settings.httpPort(), "Payara Micro");
      Files.createDirectories(settings.rootDirectory());
      MemberLogs.archivePreviousLife(settings);
      bootFiles = renderBootFiles();
      List<String> command = command(bootFiles.directory());
      boot = new BootProgress(settings.consoleFile(), bootFiles.remembersApplications());
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
      // Killed, not stopped: a member stopped while its recovery at start still waited for a
      // database was followed by a start whose recovery rolled the order's branches back, though
      // the commit had been decided (CrashRecoveryIT); a crash leaves the log as it was.
      process.abandonAsCrash(starting);
      throw e;
    }
    startedDeployments.readyWith(bootFiles.fingerprint(), bootFiles.adapterFingerprint());
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

  /**
   * What one boot starts with.
   *
   * @param directory the rendered command files and hazelcast.xml
   * @param fingerprint of the post-boot commands and the archives they deploy
   * @param adapterFingerprint of the resource adapter they deploy
   * @param remembersApplications true when the forced deploys were left out (see {@link
   *     StartedDeployments}): the applications the root directory remembers are the ones that run
   */
  private record BootFiles(
      Path directory,
      String fingerprint,
      String adapterFingerprint,
      boolean remembersApplications) {}

  /** Renders the templates into the boot directory. */
  private BootFiles renderBootFiles() throws IOException {
    Path templates = settings.templateDirectory();
    Path boot = Files.createDirectories(settings.bootDirectory());
    Map<String, String> environment = environment();
    Path domainXmlFile = settings.rootDirectory().resolve("config").resolve("domain.xml");
    Optional<String> domainXml =
        Files.exists(domainXmlFile)
            ? Optional.of(Files.readString(domainXmlFile))
            : Optional.empty();
    String rendered =
        Templates.renderCommandFile(
            Files.readString(templates.resolve(POST_BOOT_COMMANDS)), environment);
    String fingerprint = StartedDeployments.fingerprint(rendered);
    SettingsBeforeBoot.Split settingsSplit = SettingsBeforeBoot.split(rendered, domainXml);
    Files.writeString(
        boot.resolve(PRE_BOOT_COMMANDS),
        Templates.renderCommandFile(
                Files.readString(templates.resolve(PRE_BOOT_COMMANDS)), environment)
            + settingsSplit.preBoot());
    String settingsToApply =
        Templates.withoutUnchangedSettings(settingsSplit.postBoot(), domainXml);
    String commands = startedDeployments.commandsToRun(settingsToApply, fingerprint, domainXml);
    boolean remembersApplications = !commands.equals(settingsToApply);
    String adapterFingerprint = StartedDeployments.adapterFingerprint(rendered);
    StringBuilder postBoot =
        new StringBuilder(
            startedDeployments.withoutUnchangedAdapter(commands, adapterFingerprint, domainXml));
    startedDeployments.forget();
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
    return new BootFiles(boot, fingerprint, adapterFingerprint, remembersApplications);
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
   * deployments, no application failed to deploy or to load, and the readiness path answers 200
   * with the readiness check only the storefront registers ({@link
   * PayaraSettings#readinessCheck()}). A 200 alone is not enough: Payara's health endpoint answers
   * UP, with no checks at all, when no application registered any, which is what it says while the
   * storefront is still deploying and, for good, when the storefront failed to load.
   */
  private void awaitReady(ChildProcess member, BootProgress boot)
      throws InterruptedException, IOException {
    HttpProbe probe = new HttpProbe(Duration.ofSeconds(10));
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    Optional<HttpResponse<String>> lastAnswer = Optional.empty();
    int answersWithoutCheck = 0;
    while (System.nanoTime() < deadline) {
      boot.readNewOutput();
      if (!member.isAlive()) {
        throw new IllegalStateException(
            name() + " exited during start-up with code " + member.exitValue() + logTails(member));
      }
      if (boot.isComplete() && !boot.failures().isEmpty()) {
        throw failedStart(
            boot,
            member,
            String.join("\n", boot.failures()),
            " could not deploy an application; it was stopped:\n");
      }
      if (boot.isComplete()) {
        // No answer: not listening yet, or busy.
        lastAnswer = probe.get(readinessUri());
        if (lastAnswer.map(this::showsReady).orElse(false)) {
          LOG.log(Level.INFO, "{0} is ready at {1}", name(), baseUri());
          return;
        }
        boolean upWithoutCheck = lastAnswer.map(a -> a.statusCode() == 200).orElse(false);
        answersWithoutCheck = upWithoutCheck ? answersWithoutCheck + 1 : 0;
        if (answersWithoutCheck >= ANSWERS_WITHOUT_CHECK_TO_GIVE_UP) {
          throw failedStart(
              boot,
              member,
              "its readiness answer lacks the check '"
                  + settings.readinessCheck()
                  + "' after the boot: "
                  + lastAnswer.get().body(),
              ": the storefront is not running; it was stopped: ");
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
            + lastAnswer.map(a -> a.statusCode() + " " + a.body()).orElse("none")
            + "); it was stopped"
            + logTails(member));
  }

  /**
   * Why this start failed: a {@link RememberedApplicationsDidNotStart}, which {@link #start()}
   * tries once more with the forced deploys, when the boot left them out; otherwise final.
   */
  private IllegalStateException failedStart(
      BootProgress boot, ChildProcess member, String reason, String whatHappened) {
    if (boot.remembersApplications()) {
      return new RememberedApplicationsDidNotStart(reason + logTails(member), reason);
    }
    return new IllegalStateException(name() + whatHappened + reason + logTails(member));
  }

  /**
   * True when this readiness answer is 200 and lists the storefront's own check: Payara answers 200
   * with no checks at all while no application registered any.
   */
  public boolean showsReady(HttpResponse<String> readinessAnswer) {
    return readinessAnswer.statusCode() == 200
        && readinessCheck.matcher(readinessAnswer.body()).find();
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

  /** A boot without forced deploys after which an application the member remembers is not up. */
  private static final class RememberedApplicationsDidNotStart extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private final String reason;

    RememberedApplicationsDidNotStart(String message, String reason) {
      super(message);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  /** Follows what the member prints to its console during one start. */
  private static final class BootProgress {

    private static final Pattern BOOT_COMPLETE = Pattern.compile("Payara Micro .* ready in ");
    private static final String DEPLOY_FAILED = "Boot Command deploy failed";

    /**
     * What Payara logs when an application it remembers fails to start at boot (a database down
     * while JPA starts or the schema migrations run, say): the first when preparing failed, the
     * second when loading did. Nothing else reports it: the member boots without that application.
     * A forced deploy after it reports its own failure, or succeeds.
     */
    private static final List<String> LOAD_FAILED =
        List.of("Application deployment failed", "Exception while loading the app");

    /**
     * A deploy refused because the root directory already has that application is harmless: the
     * boot started the remembered one. (The shop's own commands deploy with --force; a hand-made
     * post-boot file may not.)
     */
    private static final String ALREADY_REGISTERED = "is already registered";

    private final Path console;
    private long position;
    private final StringBuilder partialLine = new StringBuilder();
    private boolean complete;
    private final boolean remembersApplications;
    private final List<String> failures = new ArrayList<>();

    /**
     * @param remembersApplications true when no forced deploy follows the boot-time load of the
     *     remembered applications, so that a failure to load one is final
     */
    BootProgress(Path console, boolean remembersApplications) throws IOException {
      this.console = console;
      this.remembersApplications = remembersApplications;
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
        failures.add(line.substring(line.indexOf(DEPLOY_FAILED)));
      }
      if (remembersApplications) {
        LOAD_FAILED.stream()
            .filter(line::contains)
            .findFirst()
            .ifPresent(failure -> failures.add(line.substring(line.indexOf(failure))));
      }
    }

    boolean isComplete() {
      return complete;
    }

    boolean remembersApplications() {
      return remembersApplications;
    }

    /** Failed deploys, and failed loads of remembered applications. */
    List<String> failures() {
      return failures;
    }
  }
}
