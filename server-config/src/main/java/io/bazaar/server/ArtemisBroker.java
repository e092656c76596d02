package io.bazaar.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ActiveMQ Artemis broker, run from the real distribution as its own process, so that tests can
 * kill it like a crash and start it again on the same journal.
 *
 * <p>The first start creates the instance ({@code artemis create}, with only the core protocol and
 * without the web console: the admin console is the operator's view and the {@code bin/artemis}
 * tools of the instance inspect queues). Every start then writes jms-config's broker.xml over the
 * generated one, so the addresses and settings always come from jms-config.
 */
public final class ArtemisBroker implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ArtemisBroker.class.getName());
  private static final String NAME = "Artemis broker";
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Pattern ARTEMIS_HOME_LINE =
      Pattern.compile("^ARTEMIS_HOME='[^']*'$", Pattern.MULTILINE);
  private static final Pattern ARTEMIS_INSTANCE_LINE =
      Pattern.compile("^ARTEMIS_INSTANCE='([^']*)'$", Pattern.MULTILINE);

  /** The files in which {@code artemis create} wrote the instance's absolute path. */
  private static final List<String> FILES_NAMING_THE_INSTANCE =
      List.of(
          "etc/artemis.profile", "etc/artemis-utility.profile", "etc/bootstrap.xml", "bin/artemis");

  private final BrokerSettings settings;
  private final ServiceProcess process;

  public ArtemisBroker(BrokerSettings settings) {
    this.settings = settings;
    this.process = new ServiceProcess(NAME);
  }

  /**
   * Creates the instance if needed, writes broker.xml, starts the broker and waits until its
   * acceptor takes connections. {@link #stop()} and {@link #kill()} work while this waits.
   */
  public ArtemisBroker start() throws IOException, InterruptedException {
    ChildProcess starting;
    synchronized (process) {
      if (process.isRunning()) {
        return this;
      }
      Path instance = settings.instanceDirectory().toAbsolutePath();
      if (!Files.exists(instance.resolve("bin/artemis"))) {
        createInstance(instance);
      }
      writeBrokerXml(instance);
      pointAtDistribution(instance);
      pointAtThisPlace(instance);
      ChildProcess.stopLeftOver(NAME, pidFile(), identifyingArgument(instance));
      TcpPorts.requireFree(settings.host(), settings.port(), "The Artemis broker");
      starting =
          ChildProcess.start(
              NAME,
              List.of("sh", instance.resolve("bin/artemis").toString(), "run"),
              javaEnvironment(),
              instance,
              settings.logFile(),
              pidFile(),
              identifyingArgument(instance));
      process.set(starting);
    }
    boolean accepting =
        TcpPorts.awaitAcceptingConnections(
            settings.host(), settings.port(), settings.startTimeout(), starting::isAlive);
    if (!accepting) {
      String tail = ChildProcess.tail(settings.logFile(), 60);
      process.abandon(starting, STOP_GRACE);
      throw new IllegalStateException(
          "The Artemis broker did not accept connections on "
              + settings.host()
              + ":"
              + settings.port()
              + "; last lines of "
              + settings.logFile()
              + ":\n"
              + tail);
    }
    LOG.log(
        Level.INFO,
        "Artemis broker (pid {0,number,#}) listens on {1}:{2,number,#}",
        starting.pid(),
        settings.host(),
        settings.port());
    return this;
  }

  /** Graceful stop: SIGTERM, wait, then kill. */
  public void stop() {
    process.stop(STOP_GRACE);
  }

  /** kill -9, as a crash: the journal is left as it is. */
  public void kill() {
    process.kill();
  }

  public ArtemisBroker restart() throws IOException, InterruptedException {
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

  /** The broker JVM's process id. */
  public long pid() {
    return process.pid();
  }

  public String host() {
    return settings.host();
  }

  public int port() {
    return settings.port();
  }

  /** {@code tcp://host:port}, for the Artemis client and tools. */
  public String url() {
    return "tcp://" + settings.host() + ":" + settings.port();
  }

  public BrokerSettings settings() {
    return settings;
  }

  /** Only this broker's JVM has its instance directory in its command line. */
  private static String identifyingArgument(Path instance) {
    return "-Dartemis.instance=" + instance;
  }

  private Path pidFile() {
    Path instance = settings.instanceDirectory().toAbsolutePath();
    return instance.resolveSibling(instance.getFileName() + ".pid");
  }

  private void createInstance(Path instance) throws IOException, InterruptedException {
    Path script = settings.distribution().toAbsolutePath().resolve("bin/artemis");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "No Artemis distribution at " + settings.distribution() + " (run the Maven build)");
    }
    Files.createDirectories(instance.getParent());
    Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
    List<String> command =
        List.of(
            "sh",
            script.toString(),
            "create",
            instance.toString(),
            "--user",
            settings.user(),
            "--password",
            settings.password(),
            "--require-login",
            "--no-amqp-acceptor",
            "--no-stomp-acceptor",
            "--no-mqtt-acceptor",
            "--no-hornetq-acceptor",
            "--no-web",
            "--host",
            settings.host(),
            "--silent");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(instance.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
    builder.environment().putAll(javaEnvironment());
    Process create = builder.start();
    create.getOutputStream().close();
    if (!create.waitFor(120, TimeUnit.SECONDS)) {
      create.destroyForcibly();
      throw new IllegalStateException("'artemis create' did not finish within 120 s");
    }
    if (create.exitValue() != 0 || !Files.exists(instance.resolve("bin/artemis"))) {
      throw new IllegalStateException(
          "'artemis create' failed; last lines of "
              + settings.logFile()
              + ":\n"
              + ChildProcess.tail(settings.logFile(), 40));
    }
    LOG.log(Level.INFO, "Created the Artemis broker instance {0}", instance);
  }

  private void writeBrokerXml(Path instance) throws IOException {
    String template = Files.readString(settings.brokerXmlTemplate());
    String brokerXml =
        Templates.renderTokens(
            template,
            Map.of(
                "BROKER_HOST", settings.host(), "BROKER_PORT", Integer.toString(settings.port())));
    Files.writeString(instance.resolve("etc/broker.xml"), brokerXml);
  }

  /**
   * The instance remembers the distribution it was created from. After the build output moved
   * (another checkout, a new Artemis version) it must run from the current one.
   */
  private void pointAtDistribution(Path instance) throws IOException {
    String home = "ARTEMIS_HOME='" + settings.distribution().toAbsolutePath() + "'";
    for (String profile : List.of("etc/artemis.profile", "etc/artemis-utility.profile")) {
      Path file = instance.resolve(profile);
      if (Files.exists(file)) {
        String text = Files.readString(file);
        String updated =
            ARTEMIS_HOME_LINE.matcher(text).replaceFirst(Matcher.quoteReplacement(home));
        if (!updated.equals(text)) {
          Files.writeString(file, updated);
        }
      }
    }
  }

  /**
   * The instance also remembers where it was created: its journal directory and its broker.xml are
   * named by absolute paths. A data directory restored from a backup to another place, or copied,
   * would otherwise run on the journal at the old place (or on a new empty one made there) and
   * ignore the broker.xml written here.
   */
  private static void pointAtThisPlace(Path instance) throws IOException {
    Path profile = instance.resolve("etc/artemis.profile");
    if (!Files.exists(profile)) {
      return;
    }
    Matcher created = ARTEMIS_INSTANCE_LINE.matcher(Files.readString(profile));
    String here = instance.toString();
    if (!created.find() || created.group(1).equals(here)) {
      return;
    }
    String there = created.group(1);
    for (String name : FILES_NAMING_THE_INSTANCE) {
      Path file = instance.resolve(name);
      if (Files.exists(file)) {
        String text = Files.readString(file);
        String updated = text.replace(there + "/", here + "/").replace(there + "'", here + "'");
        if (!updated.equals(text)) {
          Files.writeString(file, updated);
        }
      }
    }
    LOG.log(Level.INFO, "The Artemis broker instance moved from {0} to {1}", there, here);
  }

  /** The broker runs on the JDK that runs the launcher. */
  private static Map<String, String> javaEnvironment() {
    return Map.of("JAVA_HOME", System.getProperty("java.home"));
  }
}
