package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PayaraSettingsTest {

  private final PayaraSettings settings =
      new PayaraSettings(Path.of("payara-micro.jar"), Path.of("payara"), Path.of("/srv/data"));

  @Test
  void countsTheDatabaseConnectionsTheBootCommandsAllow() throws Exception {
    String commands = Files.readString(Path.of("src/main/payara/post-boot-commands.asadmin"));
    Matcher pools =
        Pattern.compile("create-jdbc-connection-pool .*--maxpoolsize (\\d+)").matcher(commands);
    int connections = 0;
    while (pools.find()) {
      connections += Integer.parseInt(pools.group(1));
    }
    assertThat(connections).isEqualTo(PayaraSettings.DATABASE_CONNECTIONS_PER_MEMBER);
  }

  @Test
  void refusesMemberNamesThatCannotBeATransactionIdentity() {
    for (String name : new String[] {"", "a,b", "bazaar 1", "x".repeat(41), "/etc"}) {
      assertThatThrownBy(() -> settings.nodeName(name))
          .as("'%s'", name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> settings.nodeName(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsEachMembersFilesApartInTheDataDirectory() {
    settings.nodeName("bazaar-2").httpPort(8081);

    assertThat(settings.rootDirectory()).isEqualTo(Path.of("/srv/data/payara-bazaar-2"));
    assertThat(settings.bootDirectory()).isEqualTo(Path.of("/srv/data/payara-bazaar-2-boot"));
    assertThat(settings.logFile()).isEqualTo(Path.of("/srv/data/payara-bazaar-2.log.0"));
    assertThat(settings.consoleFile()).isEqualTo(Path.of("/srv/data/payara-bazaar-2.out"));
  }

  @Test
  void derivesAClusterNameThatKeepsStacksOnOneMachineApart() {
    assertThat(settings.httpPort(8080).clusterName()).isEqualTo("bazaar-8080");
    assertThat(settings.clusterName("shop").clusterName()).isEqualTo("shop");
  }

  @Test
  void copiesAreIndependent() {
    settings.environment("A", "1");
    PayaraSettings copy = settings.copy().nodeName("bazaar-2").environment("A", "2");

    assertThat(settings.environment()).containsEntry("A", "1");
    assertThat(settings.nodeName()).isEqualTo("bazaar-1");
    assertThat(copy.environment()).containsEntry("A", "2");
  }
}
