package io.bazaar.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the shop runs from, assembled by server-config's build in {@code target/shop/}:
 * payara-micro.jar, postgresql.jar, artemis-ra.rar, web-storefront.war, admin-console.war, artemis/
 * (the broker distribution), broker.xml, payara/ (the command file and hazelcast.xml templates),
 * opensearch.zip (the OpenSearch distribution) and opensearch-modules/ (modules it lacks).
 */
public record ShopLayout(Path directory) {

  /** System property naming the layout directory; the environment variable is BAZAAR_SHOP_DIR. */
  public static final String DIRECTORY_PROPERTY = "bazaar.shop.dir";

  public ShopLayout {
    directory = directory.toAbsolutePath().normalize();
  }

  /**
   * The layout named by {@value #DIRECTORY_PROPERTY} or BAZAAR_SHOP_DIR, else {@code
   * server-config/target/shop} of the project the working directory is in.
   */
  public static ShopLayout locate() {
    String configured = System.getProperty(DIRECTORY_PROPERTY, System.getenv("BAZAAR_SHOP_DIR"));
    if (configured != null && !configured.isBlank()) {
      return new ShopLayout(Path.of(configured));
    }
    for (Path directory = Path.of("").toAbsolutePath();
        directory != null;
        directory = directory.getParent()) {
      Path candidate = directory.resolve("server-config/target/shop");
      if (Files.isDirectory(candidate)) {
        return new ShopLayout(candidate);
      }
      if (directory.endsWith("server-config")
          && Files.isDirectory(directory.resolve("target/shop"))) {
        return new ShopLayout(directory.resolve("target/shop"));
      }
    }
    throw new IllegalStateException(
        "No server-config/target/shop found above "
            + Path.of("").toAbsolutePath()
            + ": build it with `./mvnw -DskipTests install`, or set BAZAAR_SHOP_DIR");
  }

  public Path payaraMicroJar() {
    return directory.resolve("payara-micro.jar");
  }

  public Path postgresqlDriver() {
    return directory.resolve("postgresql.jar");
  }

  /** The pools' XA data source, which completes phase two on a fresh session (postgresql-xa). */
  public Path postgresqlXaDataSource() {
    return directory.resolve("bazaar-postgresql-xa.jar");
  }

  /** The jars Payara's own class path needs for the pools: the driver and the data source. */
  public List<Path> serverLibraries() {
    return List.of(postgresqlDriver(), postgresqlXaDataSource());
  }

  /** jms-config's Artemis resource adapter. */
  public Path resourceAdapter() {
    return directory.resolve("artemis-ra.rar");
  }

  public Path storefrontWar() {
    return directory.resolve("web-storefront.war");
  }

  public Path adminConsoleWar() {
    return directory.resolve("admin-console.war");
  }

  public Path artemisDistribution() {
    return directory.resolve("artemis");
  }

  /** jms-config's broker.xml template. */
  public Path brokerXml() {
    return directory.resolve("broker.xml");
  }

  /** OpenSearch's integration-test distribution, unpacked by {@link OpenSearchServer}. */
  public Path openSearchDistribution() {
    return directory.resolve("opensearch.zip");
  }

  /** One directory of jars per OpenSearch module that distribution lacks. */
  public Path openSearchModules() {
    return directory.resolve("opensearch-modules");
  }

  /** The pre-boot and post-boot command file templates and hazelcast.xml. */
  public Path payaraTemplates() {
    return directory.resolve("payara");
  }

  /**
   * Fails naming every missing file, so a half-built layout is not discovered service by service.
   */
  public void requireComplete(boolean withPayara, boolean withOpenSearch) {
    List<Path> required =
        new ArrayList<>(List.of(artemisDistribution().resolve("bin/artemis"), brokerXml()));
    if (withOpenSearch) {
      required.addAll(List.of(openSearchDistribution(), openSearchModules()));
    }
    if (withPayara) {
      required.addAll(
          List.of(
              payaraMicroJar(),
              postgresqlDriver(),
              postgresqlXaDataSource(),
              resourceAdapter(),
              payaraTemplates().resolve(PayaraMember.PRE_BOOT_COMMANDS),
              payaraTemplates().resolve(PayaraMember.POST_BOOT_COMMANDS),
              payaraTemplates().resolve(PayaraMember.HAZELCAST_CONFIG)));
    }
    List<Path> missing = required.stream().filter(path -> !Files.exists(path)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The shop layout "
              + directory
              + " is incomplete (build it with `./mvnw -DskipTests install`); missing: "
              + missing);
    }
  }
}
