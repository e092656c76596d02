package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack around Payara; Payara itself needs the applications and runs in system-tests. */
class ShopStackTest {

  @TempDir Path data;

  @Test
  void startsTheServicesAroundPayaraAndGivesPayaraEveryNameItsCommandFilesUse() throws Exception {
    ShopLayout layout = ShopLayout.locate();
    Path brokerXml = Path.of(System.getProperty("bazaar.test.broker.xml"));
    ShopLayout testLayout = layoutWithBrokerXml(layout, brokerXml);
    List<String> progress = new ArrayList<>();
    ShopSettings settings =
        ShopSettings.defaults(data, testLayout)
            .useFreePorts()
            .withoutPayara()
            .onProgress(progress::add);

    try (ShopStack stack = ShopStack.start(settings)) {
      try (Connection connection =
          DriverManager.getConnection(stack.paymentsJdbcUrl(), "bazaar", "bazaar")) {
        assertThat(connection.isValid(2)).isTrue();
      }
      assertThat(TcpPorts.isAcceptingConnections(stack.brokerHost(), stack.brokerPort())).isTrue();
      assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, stack.documentStorePort()))
          .isTrue();
      assertThat(stack.mail().isRunning()).isTrue();
      assertThat(stack.payments().authorizations()).isEmpty();
      assertThat(stack.payara()).isNull();

      Map<String, String> environment = new HashMap<>(stack.payaraEnvironment());
      assertThat(environment)
          .containsEntry("BAZAAR_DB_PORT", Integer.toString(settings.postgresPort()))
          .containsEntry("JNOSQL_MONGODB_HOST", "127.0.0.1:" + settings.documentStorePort())
          .containsEntry("JNOSQL_DOCUMENT_DATABASE", "bazaar")
          .containsEntry(
              "JNOSQL_MONGODB_URL",
              stack.documents().connectionString()
                  + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=3000")
          .containsEntry("BAZAAR_PAYMENT_PROVIDER_URL", stack.payments().baseUri().toString())
          .containsEntry("BAZAAR_DEMO_CATALOG", "false")
          .containsEntry("HIBERNATE_SEARCH_BACKEND_TYPE", "lucene")
          .containsEntry("MP_JWT_VERIFY_ISSUER", "bazaar")
          .containsEntry("BAZAAR_API_URL", stack.httpBaseUri() + "/api/v1");
      assertThat(environment.get("MP_JWT_VERIFY_PUBLICKEY"))
          .startsWith("-----BEGIN PUBLIC KEY-----");
      assertThat(environment.get("BAZAAR_JWT_SIGNING_KEY"))
          .startsWith("-----BEGIN PRIVATE KEY-----");

      PayaraMember member = new PayaraMember(stack.payaraSettings());
      environment = member.environment();
      for (String file :
          new String[] {PayaraMember.PRE_BOOT_COMMANDS, PayaraMember.POST_BOOT_COMMANDS}) {
        String template = Files.readString(layout.payaraTemplates().resolve(file));
        assertThat(Templates.renderCommandFile(template, environment)).isNotBlank();
      }
    }
    assertThat(progress).contains("Stopping PostgreSQL");
    assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, settings.postgresPort()))
        .isFalse();
    assertThat(data.resolve("postgres.log")).exists();
    assertThat(data.resolve("artemis.log")).exists();
  }

  @Test
  void startsOpenSearchWhenItIsTheSearchBackendAndPointsHibernateSearchAtIt() throws Exception {
    // Not the JUnit temporary directory: that is closed to the user a root build runs OpenSearch
    // as.
    Path openData = Path.of("target", "shop-stack-test-" + UUID.randomUUID());
    ShopLayout layout = ShopLayout.locate();
    try {
      Files.createDirectories(openData);
      ShopSettings settings =
          ShopSettings.defaults(
                  openData,
                  layoutWithBrokerXml(
                      layout, Path.of(System.getProperty("bazaar.test.broker.xml"))))
              .useFreePorts()
              .withoutPayara()
              .searchBackend(SearchBackend.OPENSEARCH);

      try (ShopStack stack = ShopStack.start(settings)) {
        assertThat(stack.openSearch().isRunning()).isTrue();
        assertThat(stack.payaraEnvironment())
            .containsEntry("HIBERNATE_SEARCH_BACKEND_TYPE", "elasticsearch")
            .containsEntry("HIBERNATE_SEARCH_BACKEND_HOSTS", stack.openSearch().hostAndPort())
            .containsEntry("HIBERNATE_SEARCH_BACKEND_PROTOCOL", "http");
      }
      assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, settings.openSearchPort()))
          .isFalse();
      assertThat(openData.resolve("opensearch.log")).exists();
    } finally {
      ArchiveFiles.deleteRecursively(openData);
    }
  }

  /**
   * broker.xml reaches target/shop only at `package`; the tests use jms-config's source copy
   * through a layout of links.
   */
  private ShopLayout layoutWithBrokerXml(ShopLayout layout, Path brokerXml) throws Exception {
    Path layoutDirectory = Files.createDirectories(data.resolve("layout"));
    Files.createSymbolicLink(layoutDirectory.resolve("artemis"), layout.artemisDistribution());
    Files.createSymbolicLink(layoutDirectory.resolve("payara"), layout.payaraTemplates());
    Files.createSymbolicLink(layoutDirectory.resolve("broker.xml"), brokerXml);
    Files.createSymbolicLink(
        layoutDirectory.resolve("opensearch.zip"), layout.openSearchDistribution());
    Files.createSymbolicLink(
        layoutDirectory.resolve("opensearch-modules"), layout.openSearchModules());
    return new ShopLayout(layoutDirectory);
  }
}
