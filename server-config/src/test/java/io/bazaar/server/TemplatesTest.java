package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static final Path PAYARA_TEMPLATES =
      Path.of(System.getProperty("bazaar.test.payara.templates", "src/main/payara"));

  @Test
  void replacesEnvReferencesInCommandsButNotInComments() {
    String rendered =
        Templates.renderCommandFile(
            "# ${ENV=NAME} is the syntax\ndeploy --name ${ENV=APP} ${ENV=WAR}",
            Map.of("APP", "shop", "WAR", "/srv/shop.war"));

    assertThat(rendered)
        .isEqualTo("# ${ENV=NAME} is the syntax\ndeploy --name shop /srv/shop.war\n");
  }

  @Test
  void namesEveryMissingValue() {
    assertThatThrownBy(
            () ->
                Templates.renderCommandFile(
                    "a ${ENV=ONE} ${ENV=TWO} ${ENV=KNOWN}", Map.of("KNOWN", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[ONE, TWO]");
  }

  @Test
  void refusesValuesThatWouldSplitAnAsadminCommand() {
    assertThatThrownBy(
            () -> Templates.renderCommandFile("deploy ${ENV=WAR}", Map.of("WAR", "/my shop/x.war")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WAR");
  }

  @Test
  void keepsReplacementTextLiteral() {
    assertThat(Templates.renderVariables("<p>${PASSWORD}</p>", Map.of("PASSWORD", "a$1\\b")))
        .isEqualTo("<p>a$1\\b</p>");
  }

  @Test
  void rendersTheRealCommandFilesWithTheStacksNames() throws Exception {
    Map<String, String> environment = new HashMap<>();
    for (String name :
        referencedNames(PayaraMember.PRE_BOOT_COMMANDS, PayaraMember.POST_BOOT_COMMANDS)) {
      environment.put(name, "value-of-" + name);
    }
    assertThat(environment)
        .containsKeys(
            "BAZAAR_HTTP_ADDRESS",
            "BAZAAR_NODE_NAME",
            "BAZAAR_RESOURCE_ADAPTER",
            "BAZAAR_ORDERS_DB",
            "BAZAAR_STOREFRONT_WAR",
            "BAZAAR_ADMIN_WAR");

    for (String file :
        new String[] {PayaraMember.PRE_BOOT_COMMANDS, PayaraMember.POST_BOOT_COMMANDS}) {
      String rendered =
          Templates.renderCommandFile(
              Files.readString(PAYARA_TEMPLATES.resolve(file)), environment);
      String commands =
          rendered.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
      assertThat(commands).doesNotContain("${").contains("value-of-BAZAAR_");
    }
  }

  @Test
  void rendersHazelcastXmlForOneMemberOnTheLoopbackInterface() throws Exception {
    String rendered =
        Templates.renderVariables(
            Files.readString(PAYARA_TEMPLATES.resolve(PayaraMember.HAZELCAST_CONFIG)),
            Map.of(
                "BAZAAR_CLUSTER_NAME", "bazaar-8080",
                "BAZAAR_GRID_PORT", "6900",
                "BAZAAR_GRID_MEMBERS", "127.0.0.1",
                "BAZAAR_GRID_INTERFACE", "127.0.0.1"));

    assertThat(rendered)
        .doesNotContain("${")
        .contains("<cluster-name>bazaar-8080</cluster-name>")
        .contains(">6900</port>")
        .contains("<member>127.0.0.1</member>")
        .contains("<interface>127.0.0.1</interface>");
  }

  @Test
  void rendersTheBrokerAcceptor() throws Exception {
    Path brokerXml = Path.of(System.getProperty("bazaar.test.broker.xml"));
    String rendered =
        Templates.renderTokens(
            Files.readString(brokerXml),
            Map.of("BROKER_HOST", "127.0.0.1", "BROKER_PORT", "61616"));

    assertThat(rendered).doesNotContain("@BROKER_").contains("tcp://127.0.0.1:61616?");
  }

  private static java.util.Set<String> referencedNames(String... files) throws Exception {
    Pattern reference = Pattern.compile("\\$\\{ENV=([A-Za-z_][A-Za-z0-9_]*)}");
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String file : files) {
      for (String line : Files.readAllLines(PAYARA_TEMPLATES.resolve(file))) {
        if (!line.stripLeading().startsWith("#")) {
          reference.matcher(line).results().forEach(match -> names.add(match.group(1)));
        }
      }
    }
    return names;
  }

  @Test
  void dropsSettingsTheConfigurationAlreadyHoldsButKeepsChangedOnes() {
    String commands =
        "create-x\n"
            + Templates.CHANGED_SETTINGS_BEGIN
            + "\nset resources.a.property.ConnectionParameters=host=h;port=1\n"
            + "set resources.a.property.UserName=bazaar\n"
            + Templates.CHANGED_SETTINGS_END
            + "\ndeploy y\n";
    String holding =
        "<property name=\"ConnectionParameters\" value=\"host=h;port=1\"></property>"
            + "<property name=\"UserName\" value=\"bazaar\"></property>";

    assertThat(Templates.withoutUnchangedSettings(commands, java.util.Optional.empty()))
        .doesNotContain("set ")
        .contains("create-x", "deploy y");
    assertThat(Templates.withoutUnchangedSettings(commands, java.util.Optional.of(holding)))
        .doesNotContain("set ");
    assertThat(
            Templates.withoutUnchangedSettings(
                commands, java.util.Optional.of(holding.replace("port=1", "port=2"))))
        .contains("set resources.a.property.ConnectionParameters=host=h;port=1", "UserName");
  }
}
