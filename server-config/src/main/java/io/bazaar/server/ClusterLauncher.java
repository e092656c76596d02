package io.bazaar.server;

import java.io.PrintStream;

/**
 * Runs a local Bazaar cluster until Ctrl-C: the shop's shared services, N Payara Micro members and
 * nginx in front of them on {@code BAZAAR_HTTP_PORT}. Takes the shop launcher's settings (see
 * {@link ShopLauncher#USAGE}) plus {@code BAZAAR_CLUSTER_MEMBERS} (default 3). The search backend
 * is always OpenSearch: every member must see every other member's changes.
 */
public final class ClusterLauncher {

  private ClusterLauncher() {}

  public static void main(String[] args) throws Exception {
    PrintStream console = System.out;
    if (args.length > 0) {
      boolean help = args[0].equals("--help") || args[0].equals("-h");
      (help ? console : System.err)
          .print(
              ShopLauncher.USAGE.replace("ShopLauncher", "ClusterLauncher")
                  + "  BAZAAR_CLUSTER_MEMBERS       3         how many Payara Micro members\n");
      System.exit(help ? 0 : 2);
    }
    ShopLauncher.configureLogging();
    ClusterStack cluster;
    int members;
    try {
      members = Integer.parseInt(ShopLauncher.setting("BAZAAR_CLUSTER_MEMBERS", "3"));
      ShopSettings settings = ShopLauncher.settingsFromEnvironment();
      settings.onProgress(step -> console.println("  " + step));
      cluster = new ClusterStack(settings, members);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // NumberFormatException is an IllegalArgumentException: a bad member count lands here too.
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    console.println(
        "Starting a Bazaar cluster of "
            + members
            + " members (data: "
            + cluster.settings().dataDirectory()
            + ")");
    ShopLauncher.runUntilStopped(
        console, "cluster", cluster::start, cluster::close, () -> printAddresses(console, cluster));
  }

  private static void printAddresses(PrintStream console, ClusterStack cluster) {
    String web = cluster.baseUri().toString();
    StringBuilder members = new StringBuilder();
    for (PayaraMember member : cluster.members()) {
      members.append(
          String.format(
              "  Member %-9s %s, pid %d, log %s%n",
              member.nodeName(), member.baseUri(), member.pid(), member.settings().logFile()));
    }
    ShopSettings settings = cluster.settings();
    console.printf(
        """

        The Bazaar cluster is running. Ctrl-C stops it; data and logs stay in %s
          Storefront       %s/   (nginx, routing to the ready members)
          API              %s/api/v1
          Admin console    %s/admin   (demo admin: %s / %s)
          Mailbox          %s
          Search           OpenSearch %s
        %s
        """,
        settings.dataDirectory(),
        web,
        web,
        web,
        settings.adminEmail(),
        settings.adminPassword(),
        cluster.services().mail().mailboxUri(),
        cluster.services().openSearch().uri(),
        members);
  }
}
