package io.bazaar.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Payara Micro cluster on one machine: the shared services of a {@link ShopStack} (PostgreSQL,
 * Artemis, the document store, OpenSearch as the one search index all members share, mail and the
 * payment sandbox), N members forming one data grid over a TCP/IP member list, each with its own
 * name (its transaction identity), ports and root directory, and nginx in front of them.
 *
 * <p>A supervisor asks every member's {@code /health/ready} once a second and has nginx route to
 * the ready ones only: a member that is starting, stopping, dead or not ready gets no new requests.
 * It restarts a member whose process is gone, and one whose {@code /health/live} answers DOWN three
 * times in a row. {@link #rollingRestart()} restarts the members one by one without a moment when
 * none serves.
 *
 * <p>The first member starts alone (it migrates the schemas and, for the local shop, loads the demo
 * catalog); the others then start together.
 */
public final class ClusterStack implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ClusterStack.class.getName());
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  /** How long a member taken out of the balancer keeps serving what it already has. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  /** How long a rolling restart waits for the other members to serve before it takes one out. */
  private static final Duration OTHERS_SERVING_TIMEOUT = Duration.ofMinutes(5);

  private final ShopSettings settings;
  private final int memberCount;
  private final int balancerPort;
  private final ShopStack services;
  private final List<PayaraMember> members = new ArrayList<>();
  private final Map<String, Boolean> excluded = new LinkedHashMap<>();

  /** Failed readiness checks in a row that take a running member out of nginx. */
  private static final int FALL = 3;

  private final Map<String, Integer> failedChecks = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> failedLiveness =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> restarting =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile NginxBalancer balancer;
  private final HttpProbe health = new HttpProbe(HEALTH_TIMEOUT);
  private final ScheduledExecutorService supervisor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "bazaar-cluster-supervisor");
            thread.setDaemon(true);
            return thread;
          });

  /** For the launcher's and the tests' own connections, and an operator's psql. */
  private static final int SPARE_DATABASE_CONNECTIONS = 40;

  /**
   * @param settings the shared services' settings; its HTTP port becomes nginx's, and the members
   *     take free ports of their own
   */
  public ClusterStack(ShopSettings settings, int memberCount) {
    if (memberCount < 1 || memberCount > 9) {
      throw new IllegalArgumentException("a local cluster has 1 to 9 members");
    }
    this.settings =
        settings
            .searchBackend(SearchBackend.OPENSEARCH)
            .postgresMaxConnections(
                Math.max(
                    settings.postgresMaxConnections(),
                    memberCount * PayaraSettings.DATABASE_CONNECTIONS_PER_MEMBER
                        + SPARE_DATABASE_CONNECTIONS));
    this.memberCount = memberCount;
    this.balancerPort = settings.httpPort();
    this.services = new ShopStack(this.settings.withoutPayara());
  }

  public ClusterStack start() throws IOException, InterruptedException {
    try {
      services.start();
      List<PayaraSettings> memberSettings = memberSettings();
      memberSettings.forEach(s -> members.add(new PayaraMember(s)));
      balancer =
          new NginxBalancer(settings.dataDirectory().resolve("nginx"), balancerPort)
              .start(Map.of());
      report(
          "Payara Micro member " + members.get(0).nodeName() + " (first: schemas, demo catalog)");
      members.get(0).start();
      routeToReadyMembers();
      startTogether(members.subList(1, members.size()));
      routeToReadyMembers();
      supervisor.scheduleWithFixedDelay(this::superviseQuietly, 1, 1, TimeUnit.SECONDS);
      return this;
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startTogether(List<PayaraMember> starting) throws IOException, InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (PayaraMember member : starting) {
      report("Payara Micro member " + member.nodeName());
      Thread thread =
          new Thread(
              () -> {
                try {
                  member.start();
                } catch (IOException | InterruptedException | RuntimeException e) {
                  failures.add(e);
                }
              },
              "start-" + member.nodeName());
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IOException(
          "a member did not start: " + failures.get(0).getMessage(), failures.get(0));
    }
  }

  /** Every member's settings: its name, ports, root directory, and the grid's member list. */
  private List<PayaraSettings> memberSettings() {
    List<Integer> gridPorts = new ArrayList<>();
    List<Integer> httpPorts = new ArrayList<>();
    for (int i = 0; i < memberCount; i++) {
      // Hazelcast tries the 19 ports after its own when that is taken: each member keeps a range.
      gridPorts.add(TcpPorts.freePortRange(20));
      httpPorts.add(TcpPorts.freePort());
    }
    String gridMembers =
        gridPorts.stream()
            .map(port -> TcpPorts.LOOPBACK + ":" + port)
            .collect(Collectors.joining(","));
    List<PayaraSettings> all = new ArrayList<>();
    PayaraSettings base = services.payaraSettings();
    // One grid name for all members (a member's default is derived from its own HTTP port).
    String clusterName =
        settings.clusterName() != null ? settings.clusterName() : "bazaar-cluster-" + balancerPort;
    for (int i = 0; i < memberCount; i++) {
      String name = "bazaar-" + (i + 1);
      URI own = URI.create("http://" + TcpPorts.LOOPBACK + ":" + httpPorts.get(i));
      all.add(
          base.copy()
              .nodeName(name)
              .clusterName(clusterName)
              .httpPort(httpPorts.get(i))
              .gridPort(gridPorts.get(i))
              .gridMembers(gridMembers)
              // The back office calls the API of its own member: no second trip through nginx.
              .environment("BAZAAR_API_URL", own + "/api/v1")
              // One member loads the demo catalog; the others find it there.
              .environment(
                  "BAZAAR_DEMO_CATALOG", Boolean.toString(settings.demoCatalog() && i == 0)));
    }
    return all;
  }

  private void superviseQuietly() {
    try {
      restartCrashedMembers();
      restartMembersNotLive();
      routeToReadyMembers();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the cluster supervisor could not update nginx", e);
    } catch (Error e) {
      // A scheduled task that throws is never run again: the supervisor would stop in silence and
      // take the cluster's routing and restarts with it. Say so, and go on at the next tick.
      LOG.log(Level.ERROR, "the cluster supervisor failed; it carries on", e);
    }
  }

  /**
   * Starts again, in the background, every member whose process is gone though nobody stopped it;
   * the start recovers its transaction log. A member being restarted on purpose is left alone.
   */
  private synchronized void restartCrashedMembers() {
    for (PayaraMember member : members) {
      if (!member.isRunning()
          && !excluded.containsKey(member.nodeName())
          && restarting.add(member.nodeName())) {
        LOG.log(Level.WARNING, "member {0} is not running; restarting it", member.nodeName());
        inBackground(member, member::start);
      }
    }
  }

  private interface Restart {
    void run() throws IOException, InterruptedException;
  }

  /** Runs a restart of {@code member} on a thread of its own; the member counts as restarting. */
  private void inBackground(PayaraMember member, Restart restart) {
    Thread thread =
        new Thread(
            () -> {
              try {
                restart.run();
              } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "member " + member.nodeName() + " did not restart", e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                restarting.remove(member.nodeName());
              }
            },
            "restart-" + member.nodeName());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Restarts, in the background, every running member that answered its liveness check DOWN {@value
   * #FALL} times in a row: gracefully, so its requests finish, then on its root directory, so its
   * recovery resolves the transaction branches that made it report itself not live (see the
   * storefront's in-doubt-transactions check). A member that does not answer at all is left to the
   * readiness and crash handling.
   */
  private synchronized void restartMembersNotLive() {
    for (PayaraMember member : members) {
      String name = member.nodeName();
      if (!member.isRunning() || excluded.containsKey(name) || restarting.contains(name)) {
        failedLiveness.remove(name);
        continue;
      }
      if (!answersNotLive(member)) {
        failedLiveness.remove(name);
        continue;
      }
      if (failedLiveness.merge(name, 1, Integer::sum) >= FALL && restarting.add(name)) {
        failedLiveness.remove(name);
        LOG.log(Level.WARNING, "member {0} reports itself not live; restarting it", name);
        inBackground(
            member,
            () -> {
              // The next supervision takes it out of nginx; then it finishes what it has.
              Thread.sleep(DRAIN.toMillis() + 1_000);
              member.stop();
              member.start();
            });
      }
    }
  }

  private boolean answersNotLive(PayaraMember member) {
    return health(member, "/health/live").map(answer -> answer.statusCode() == 503).orElse(false);
  }

  /** A member's answer to a health check, or empty when it gave none in time. */
  private Optional<HttpResponse<String>> health(PayaraMember member, String path) {
    try {
      return health.get(URI.create(member.baseUri() + path));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Has nginx route to the members that answer ready now, except those being restarted. */
  private synchronized void routeToReadyMembers() throws IOException {
    Map<String, URI> ready = new LinkedHashMap<>();
    for (PayaraMember member : members) {
      String name = member.nodeName();
      Optional<HttpResponse<String>> answer =
          member.isRunning() ? health(member, member.settings().readinessPath()) : Optional.empty();
      boolean answered = answer.map(member::showsReady).orElse(false);
      int misses = answered ? 0 : failedChecks.merge(name, 1, Integer::sum);
      if (answered) {
        failedChecks.remove(name);
      }
      if (misses == FALL && member.isRunning() && !restarting.contains(name)) {
        // Once per spell, so that a member left out of rotation says why in the log.
        LOG.log(
            Level.WARNING,
            "member {0} is not ready: {1}",
            name,
            answer
                .map(a -> a.statusCode() + " " + abbreviated(a.body()))
                .orElse("no answer within " + HEALTH_TIMEOUT.toSeconds() + " s"));
      }
      boolean wasRouted = balancer != null && balancer.routed().containsKey(name);
      // A routed member stays in until FALL checks in a row fail (a busy member may answer a check
      // late) or its process is gone; a member not routed comes in at its first good answer.
      boolean keep = answered || (wasRouted && member.isRunning() && misses < FALL);
      // A member the supervisor is restarting comes back once its start has returned: its health
      // shows the storefront's checks before Payara has finished deploying and serves requests.
      if (!excluded.containsKey(name) && !restarting.contains(name) && keep) {
        ready.put(name, member.baseUri());
      }
    }
    if (balancer != null) {
      balancer.route(ready);
    }
  }

  private boolean isReady(PayaraMember member) {
    // While a restarted member deploys the storefront, Payara answers UP with no checks at all:
    // ready means the storefront's own checks are there and up.
    return health(member, member.settings().readinessPath()).map(member::showsReady).orElse(false);
  }

  private static String abbreviated(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }

  /**
   * Restarts every member in turn: out of the balancer, a moment to finish its requests, a graceful
   * stop, a start on the same root directory (its transaction log recovered), back in once ready.
   * The others serve meanwhile.
   */
  public void rollingRestart() throws IOException, InterruptedException {
    for (PayaraMember member : members) {
      awaitOthersServing(member);
      synchronized (this) {
        excluded.put(member.nodeName(), true);
        routeToReadyMembers();
      }
      Thread.sleep(DRAIN.toMillis());
      report("restarting " + member.nodeName());
      try {
        member.stop();
        member.start();
      } finally {
        // A member that did not start is no longer excluded either: the supervisor starts it
        // again as it would a crashed one, instead of leaving the cluster a member short.
        synchronized (this) {
          excluded.remove(member.nodeName());
          routeToReadyMembers();
        }
      }
      report(member.nodeName() + " serves again");
    }
  }

  /**
   * Waits until every member but this one is routed: taking a member out while another is still
   * starting (after a crash, say) would leave shoppers with fewer members than planned, or none.
   */
  private void awaitOthersServing(PayaraMember leaving) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + OTHERS_SERVING_TIMEOUT.toNanos();
    while (true) {
      Map<String, URI> routedNow = routed();
      boolean othersServing =
          members.stream()
              .filter(m -> m != leaving)
              .allMatch(m -> routedNow.containsKey(m.nodeName()));
      if (othersServing) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "not restarting "
                + leaving.nodeName()
                + ": the other members are not all serving (nginx routes to "
                + routedNow.keySet()
                + ")");
      }
      Thread.sleep(500);
    }
  }

  public List<PayaraMember> members() {
    return List.copyOf(members);
  }

  public PayaraMember member(int index) {
    return members.get(index);
  }

  /** Where shoppers, admins and API clients connect: nginx. */
  public URI baseUri() {
    return balancer.baseUri();
  }

  /** True when every member runs, answers ready and nginx routes to it. */
  public boolean allMembersServing() {
    Map<String, URI> routedNow = routed();
    return members.stream()
        .allMatch(m -> m.isRunning() && isReady(m) && routedNow.containsKey(m.nodeName()));
  }

  /** The members nginx routes to now. */
  public Map<String, URI> routed() {
    return balancer == null ? Map.of() : balancer.routed();
  }

  /** The shared services: databases, broker, document store, OpenSearch, mail, payments. */
  public ShopStack services() {
    return services;
  }

  public ShopSettings settings() {
    return settings;
  }

  private void report(String step) {
    settings.progress().accept(step);
  }

  @Override
  public void close() {
    supervisor.shutdownNow();
    synchronized (this) {
      members.forEach(member -> excluded.put(member.nodeName(), true));
    }
    List<PayaraMember> stopping = new ArrayList<>(members);
    java.util.Collections.reverse(stopping);
    for (PayaraMember member : stopping) {
      try {
        member.stop();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not stop member " + member.nodeName(), e);
      }
    }
    if (balancer != null) {
      balancer.close();
    }
    services.close();
  }
}
