package io.bazaar.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * nginx (Debian's) in front of the cluster's members, on 127.0.0.1: one address for shoppers,
 * admins and the API, spread over the members that are ready.
 *
 * <p>Health-checked upstreams: open-source nginx only notices a dead member when a request to it
 * fails, so the cluster's supervisor asks every member's {@code /health/ready} and {@linkplain
 * #route routes} only to those that answer 200 (a rewritten upstream list and a reload, which
 * drains the old workers' requests instead of cutting them). Between two checks, a member that
 * stops answering is skipped for safe requests ({@code proxy_next_upstream} on errors, timeouts and
 * 502/503 for GET and HEAD); a POST that reached a member is never sent to a second one, because
 * the first may have acted on it: clients retry it with their Idempotency-Key.
 *
 * <p>Requests of one session go to one member while it lives ({@code hash $cookie_JSESSIONID
 * consistent}), which keeps its caches warm; sessions replicate, so any other member takes over.
 */
public final class NginxBalancer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(NginxBalancer.class.getName());
  private static final Path NGINX = Path.of(System.getProperty("bazaar.nginx", "/usr/sbin/nginx"));
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path prefix;
  private final int port;
  private final ServiceProcess process = new ServiceProcess("nginx");
  private Map<String, URI> routed = new LinkedHashMap<>();

  /**
   * @param prefix nginx's own directory (configuration, logs, temporary files)
   * @param port where shoppers connect, on 127.0.0.1
   */
  public NginxBalancer(Path prefix, int port) {
    this.prefix = prefix.toAbsolutePath();
    this.port = port;
  }

  public static boolean isInstalled() {
    return Files.isExecutable(NGINX);
  }

  /** Starts nginx routing to these members (name to base URI); none yet answers 503. */
  public synchronized NginxBalancer start(Map<String, URI> members) throws IOException {
    if (!isInstalled()) {
      throw new IOException(NGINX + " is missing: apt-get install nginx-light (or nginx)");
    }
    Files.createDirectories(prefix.resolve("logs"));
    Files.createDirectories(prefix.resolve("temp"));
    TcpPorts.requireFree(TcpPorts.LOOPBACK, port, "nginx");
    Files.writeString(prefix.resolve("nginx.conf"), configuration());
    writeUpstream(members);
    ChildProcess started =
        ChildProcess.start(
            "nginx",
            List.of(NGINX.toString(), "-p", prefix + "/", "-c", "nginx.conf", "-g", "daemon off;"),
            Map.of(),
            prefix,
            prefix.resolve("logs/console.log"),
            prefix.resolve("launcher.pid"),
            prefix.toString());
    process.set(started);
    awaitListening();
    return this;
  }

  /**
   * Routes to exactly these members from now on (a reload: requests in flight finish on the old
   * workers). Routing to the same members again does nothing.
   */
  public synchronized void route(Map<String, URI> members) throws IOException {
    if (members.equals(routed)) {
      return;
    }
    writeUpstream(members);
    // nginx re-reads its configuration and replaces its workers gracefully.
    Process reload =
        new ProcessBuilder(NGINX.toString(), "-p", prefix + "/", "-c", "nginx.conf", "-s", "reload")
            .redirectErrorStream(true)
            .start();
    try {
      if (!reload.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        // Its output cannot be read before it ends: reading would block the caller (the cluster's
        // supervisor) for as long as the reload hangs.
        reload.destroyForcibly();
        throw new IOException("nginx did not reload within 10 s");
      }
      if (reload.exitValue() != 0) {
        throw new IOException(
            "nginx did not reload: " + new String(reload.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reloading nginx", e);
    }
    LOG.log(Level.INFO, "nginx now routes to {0}", members.keySet());
  }

  public synchronized Map<String, URI> routed() {
    return Map.copyOf(routed);
  }

  public URI baseUri() {
    return URI.create("http://" + TcpPorts.LOOPBACK + ":" + port);
  }

  public int port() {
    return port;
  }

  private void writeUpstream(Map<String, URI> members) throws IOException {
    String servers =
        members.isEmpty()
            // No member is ready: nginx needs a server; one marked down makes it answer 502 at
            // once rather than hang.
            ? "  server 127.0.0.1:9 down;\n"
            : members.values().stream()
                .map(
                    uri ->
                        "  server "
                            + uri.getHost()
                            + ":"
                            + uri.getPort()
                            + " max_fails=1 fail_timeout=2s;\n")
                .collect(Collectors.joining());
    String upstream =
        "upstream bazaar_members {\n"
            + "  hash $cookie_JSESSIONID consistent;\n"
            + servers
            + "  keepalive 32;\n"
            + "}\n";
    Path file = prefix.resolve("upstream.conf");
    Path next = prefix.resolve("upstream.conf.next");
    Files.writeString(next, upstream);
    Files.move(
        next,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    routed = new LinkedHashMap<>(members);
  }

  private String configuration() {
    return """
        # Rendered by Bazaar's cluster launcher (NginxBalancer); rewritten on each start.
        worker_processes 1;
        pid logs/nginx.pid;
        error_log logs/error.log warn;
        events { worker_connections 1024; }
        http {
          # Which member answered, and how fast: what an operator reads first after a failed request.
          log_format members '$remote_addr [$time_iso8601] "$request" $status '
                             'upstream=$upstream_addr upstream_status=$upstream_status '
                             'request_time=$request_time';
          access_log logs/access.log members;
          client_body_temp_path temp/body;
          proxy_temp_path temp/proxy;
          fastcgi_temp_path temp/fastcgi;
          uwsgi_temp_path temp/uwsgi;
          scgi_temp_path temp/scgi;
          client_max_body_size 1m;
          include upstream.conf;
          server {
            listen 127.0.0.1:%d;
            location / {
              proxy_pass http://bazaar_members;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_connect_timeout 2s;
              proxy_read_timeout 60s;
              # Only requests that are safe to repeat go to a second member (POST is not).
              proxy_next_upstream error timeout http_502 http_503;
              proxy_next_upstream_tries 3;
            }
          }
        }
        """
        .formatted(port);
  }

  private void awaitListening() throws IOException {
    try {
      if (TcpPorts.awaitAcceptingConnections(
          TcpPorts.LOOPBACK, port, Duration.ofSeconds(20), process::isRunning)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for nginx", e);
    }
    String log = ChildProcess.tail(prefix.resolve("logs/error.log"), 20);
    close();
    throw new IOException("nginx did not start listening on port " + port + ":\n" + log);
  }

  @Override
  public synchronized void close() {
    process.stop(STOP_GRACE);
  }
}
