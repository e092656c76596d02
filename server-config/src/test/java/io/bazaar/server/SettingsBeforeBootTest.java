package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsBeforeBootTest {

  private static final String POST_BOOT =
      String.join(
          "\n",
          "create-resource-adapter-config --property X=1 artemis-ra",
          "set resources.resource-adapter-config.artemis-ra.property.ConnectionParameters=host=h;port=2",
          "create-jdbc-connection-pool --property portNumber=6000 orders-pool",
          "set resources.jdbc-connection-pool.orders-pool.property.portNumber=6000",
          "set resources.jdbc-connection-pool.orders-pool.property.user=bazaar",
          "set resources.jdbc-connection-pool.orders-pool.fail-all-connections=false",
          "create-jdbc-connection-pool --property portNumber=6000 orders-recovery-pool",
          "set resources.jdbc-connection-pool.orders-recovery-pool.property.portNumber=6000",
          "set configs.config.server-config.some.setting=1",
          "deploy --force=true --name web-storefront /a.war",
          "");

  /** A root directory whose last boot had the orders pool on port 5000 and no recovery pool. */
  private static final String DOMAIN_XML =
      """
      <resources>
        <resource-adapter-config resource-adapter-name="artemis-ra">
          <property name="ConnectionParameters" value="host=h;port=1"></property>
        </resource-adapter-config>
        <jdbc-connection-pool datasource-classname="x" name="orders-pool" fail-all-connections="true">
          <property name="portNumber" value="5000"></property>
          <property name="user" value="bazaar"></property>
        </jdbc-connection-pool>
        <jdbc-connection-pool name="payments-pool">
          <property name="portNumber" value="6000"></property>
        </jdbc-connection-pool>
      </resources>
      """;

  @Test
  void aFirstBootKeepsEverySettingAfterTheCommandsThatCreateTheResources() {
    SettingsBeforeBoot.Split split = SettingsBeforeBoot.split(POST_BOOT, Optional.empty());

    assertThat(split.preBoot()).isEmpty();
    assertThat(split.postBoot()).isEqualTo(POST_BOOT);
  }

  @Test
  void changedSettingsOfResourcesTheRootDirectoryHasAreAppliedBeforeTheBoot() {
    SettingsBeforeBoot.Split split = SettingsBeforeBoot.split(POST_BOOT, Optional.of(DOMAIN_XML));

    assertThat(split.preBoot().lines().filter(line -> line.startsWith("set ")))
        .containsExactly(
            "set resources.resource-adapter-config.artemis-ra.property.ConnectionParameters=host=h;port=2",
            "set resources.jdbc-connection-pool.orders-pool.property.portNumber=6000",
            "set resources.jdbc-connection-pool.orders-pool.fail-all-connections=false");
    assertThat(split.postBoot())
        .as("settings of existing resources are gone from after the boot, held or not")
        .doesNotContain("orders-pool.property", "artemis-ra.property", "fail-all-connections")
        .as("a resource the root directory lacks is set after the command that creates it")
        .contains(
            "set resources.jdbc-connection-pool.orders-recovery-pool.property.portNumber=6000")
        .contains(
            "create-jdbc-connection-pool --property portNumber=6000 orders-pool",
            "set configs.config.server-config.some.setting=1",
            "deploy --force=true --name web-storefront /a.war");
  }

  @Test
  void aValueIsComparedWithItsOwnResourceOnly() {
    assertThat(DOMAIN_XML).contains("name=\"portNumber\" value=\"6000\"");

    assertThat(SettingsBeforeBoot.split(POST_BOOT, Optional.of(DOMAIN_XML)).preBoot())
        .as("payments-pool's port 6000 says nothing of orders-pool's")
        .contains("orders-pool.property.portNumber=6000");
  }

  @Test
  void settingsThatTheConfigurationHoldsAreLeftOutEntirely() {
    String current =
        DOMAIN_XML
            .replace("port=1", "port=2")
            .replace("value=\"5000\"", "value=\"6000\"")
            .replace("fail-all-connections=\"true\"", "fail-all-connections=\"false\"");

    SettingsBeforeBoot.Split split = SettingsBeforeBoot.split(POST_BOOT, Optional.of(current));

    assertThat(split.preBoot()).isEmpty();
    assertThat(split.postBoot()).doesNotContain("orders-pool.property", "artemis-ra.property");
  }
}
