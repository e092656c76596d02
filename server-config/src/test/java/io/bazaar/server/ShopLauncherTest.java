package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopLauncherTest {

  private static final List<String> PROPERTIES =
      List.of(
          "bazaar.data.dir",
          "bazaar.http.port",
          "bazaar.node.name",
          "bazaar.demo.catalog",
          "bazaar.db.port",
          "bazaar.search.backend",
          "bazaar.opensearch.port");

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void readsSettingsFromSystemPropertiesWithTheLaunchersDefaults() {
    System.setProperty("bazaar.data.dir", "/srv/bazaar");
    System.setProperty("bazaar.http.port", "18080");
    System.setProperty("bazaar.node.name", "bazaar-7");

    ShopSettings settings = ShopLauncher.settingsFromEnvironment();

    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/bazaar"));
    assertThat(settings.httpPort()).isEqualTo(18080);
    assertThat(settings.nodeName()).isEqualTo("bazaar-7");
    assertThat(settings.postgresPort()).isEqualTo(15432);
    assertThat(settings.brokerPort()).isEqualTo(61616);
    assertThat(settings.documentStorePort()).isEqualTo(27027);
    assertThat(settings.smtpPort()).isEqualTo(3025);
    assertThat(settings.imapPort()).isEqualTo(3143);
    assertThat(settings.mailboxPort()).isEqualTo(8025);
    assertThat(settings.paymentSandboxPort()).isEqualTo(8090);
    assertThat(settings.searchBackend()).isEqualTo(SearchBackend.LUCENE);
    assertThat(settings.openSearchPort()).isEqualTo(9200);
    assertThat(settings.demoCatalog()).as("the launcher shows a filled shop").isTrue();
    assertThat(settings.layout()).isEqualTo(ShopLayout.locate());
  }

  @Test
  void refusesAPortThatIsNotOne() {
    System.setProperty("bazaar.db.port", "5432x");

    assertThatThrownBy(ShopLauncher::settingsFromEnvironment)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BAZAAR_DB_PORT");
  }

  @Test
  void choosesOpenSearchAsTheSearchBackendByName() {
    System.setProperty("bazaar.search.backend", "OpenSearch");
    System.setProperty("bazaar.opensearch.port", "19200");

    ShopSettings settings = ShopLauncher.settingsFromEnvironment();

    assertThat(settings.searchBackend()).isEqualTo(SearchBackend.OPENSEARCH);
    assertThat(settings.openSearchPort()).isEqualTo(19200);

    System.setProperty("bazaar.search.backend", "solr");
    assertThatThrownBy(ShopLauncher::settingsFromEnvironment)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lucene or opensearch");
  }

  @Test
  void keepsDataInTheProjectsDataDirectoryByDefault() {
    Path defaultData = ShopLauncher.defaultDataDirectory();

    assertThat(defaultData.getFileName()).hasToString("data");
    assertThat(defaultData.getParent().resolve("server-config/pom.xml")).exists();
  }

  @Test
  void documentsEverySetting() {
    assertThat(ShopLauncher.USAGE)
        .contains("BAZAAR_DATA_DIR", "BAZAAR_HTTP_PORT", "BAZAAR_DB_PORT", "BAZAAR_MAILBOX_PORT")
        .contains("BAZAAR_SEARCH_BACKEND", "BAZAAR_OPENSEARCH_PORT")
        .contains(ShopSettings.DEMO_ADMIN_PASSWORD);
  }
}
