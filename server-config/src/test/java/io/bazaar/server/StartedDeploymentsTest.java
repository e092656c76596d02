package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartedDeploymentsTest {

  @TempDir Path directory;

  private static final String DOMAIN_XML =
      "<application-ref ref=\"artemis-ra\" virtual-servers=\"server\"></application-ref>"
          + "<application-ref ref=\"web-storefront\" virtual-servers=\"server\"></application-ref>";

  private String commands(Path war, String password) throws Exception {
    Path rar = directory.resolve("artemis-ra.rar");
    if (!Files.exists(rar)) {
      Files.writeString(rar, "first adapter");
    }
    return "create-jdbc-connection-pool --x pool\n"
        + "set resources.jdbc-connection-pool.pool.property.password="
        + password
        + "\n"
        + "deploy --force=true --type rar --name artemis-ra "
        + rar
        + "\n"
        + "deploy --force=true --availabilityenabled=true --contextroot / --name web-storefront "
        + war
        + "\n";
  }

  @Test
  void aRestartWithNothingChangedRunsTheRememberedApplicationsInsteadOfDeployingThemAgain()
      throws Exception {
    Path war = Files.writeString(directory.resolve("web-storefront.war"), "first build");
    StartedDeployments deployments = new StartedDeployments(directory);
    String commands = commands(war, "secret");
    String fingerprint = StartedDeployments.fingerprint(commands);

    // First boot: no configuration yet, nothing remembered.
    assertThat(deployments.commandsToRun(commands, fingerprint, Optional.empty()))
        .isEqualTo(commands);
    // Remembered only once the member was ready.
    assertThat(deployments.commandsToRun(commands, fingerprint, Optional.of(DOMAIN_XML)))
        .isEqualTo(commands);
    deployments.readyWith(fingerprint, StartedDeployments.adapterFingerprint(commands));

    String restart = deployments.commandsToRun(commands, fingerprint, Optional.of(DOMAIN_XML));
    assertThat(restart).doesNotContain("--force", "deploy ").contains("property.password=secret");

    // The configuration no longer lists the application: deploy it.
    assertThat(
            deployments.commandsToRun(
                commands, fingerprint, Optional.of(DOMAIN_XML.replace("web-storefront", "x"))))
        .isEqualTo(commands);
    // A boot that never became ready leaves nothing remembered.
    deployments.forget();
    assertThat(deployments.commandsToRun(commands, fingerprint, Optional.of(DOMAIN_XML)))
        .isEqualTo(commands);
  }

  @Test
  void aNewArchiveOrAChangedSettingDeploysAgain() throws Exception {
    Path war = Files.writeString(directory.resolve("web-storefront.war"), "first build");
    StartedDeployments deployments = new StartedDeployments(directory);
    String fingerprint = StartedDeployments.fingerprint(commands(war, "secret"));
    deployments.readyWith(
        fingerprint, StartedDeployments.adapterFingerprint(commands(war, "secret")));

    Files.writeString(war, "second build");
    String rebuilt = StartedDeployments.fingerprint(commands(war, "secret"));
    assertThat(rebuilt).isNotEqualTo(fingerprint);
    assertThat(deployments.commandsToRun(commands(war, "secret"), rebuilt, Optional.of(DOMAIN_XML)))
        .contains("deploy --force=true");

    Files.writeString(war, "first build");
    assertThat(StartedDeployments.fingerprint(commands(war, "secret"))).isEqualTo(fingerprint);
    assertThat(StartedDeployments.fingerprint(commands(war, "changed"))).isNotEqualTo(fingerprint);
  }

  /**
   * A new resource adapter (a shop upgrade) is deployed again, and the applications after it: an
   * adapter deployed without --force was refused as already registered, and the member kept the
   * adapter its root directory first had.
   */
  @Test
  void aNewResourceAdapterIsDeployedAgainWithTheApplicationsAfterIt() throws Exception {
    Path war = Files.writeString(directory.resolve("web-storefront.war"), "first build");
    StartedDeployments deployments = new StartedDeployments(directory);
    String commands = commands(war, "secret");
    deployments.readyWith(
        StartedDeployments.fingerprint(commands), StartedDeployments.adapterFingerprint(commands));

    Files.writeString(directory.resolve("artemis-ra.rar"), "second adapter");
    String upgraded = commands(war, "secret");
    String toRun =
        deployments.commandsToRun(
            upgraded, StartedDeployments.fingerprint(upgraded), Optional.of(DOMAIN_XML));

    assertThat(
            deployments.withoutUnchangedAdapter(
                toRun, StartedDeployments.adapterFingerprint(upgraded), Optional.of(DOMAIN_XML)))
        .containsSubsequence(
            "deploy --force=true --type rar --name artemis-ra",
            "deploy --force=true --availabilityenabled=true --contextroot / --name web-storefront");
  }

  /**
   * A start that deploys the applications afresh (the last boot never became ready: its remembered
   * storefront failed while a database was down) leaves the unchanged adapter alone: deploying it
   * again stopped the one recovery was using, and an order's confirmation was never sent.
   */
  @Test
  void anUnchangedAdapterIsNotDeployedAgainWhenTheApplicationsAre() throws Exception {
    Path war = Files.writeString(directory.resolve("web-storefront.war"), "first build");
    StartedDeployments deployments = new StartedDeployments(directory);
    String commands = commands(war, "secret");
    String adapter = StartedDeployments.adapterFingerprint(commands);
    deployments.readyWith(StartedDeployments.fingerprint(commands), adapter);
    deployments.forget();

    String toRun =
        deployments.commandsToRun(
            commands, StartedDeployments.fingerprint(commands), Optional.of(DOMAIN_XML));
    assertThat(toRun).contains("--type rar", "--name web-storefront");

    assertThat(deployments.withoutUnchangedAdapter(toRun, adapter, Optional.of(DOMAIN_XML)))
        .doesNotContain("--type rar")
        .contains("--contextroot / --name web-storefront");
    assertThat(deployments.withoutUnchangedAdapter(toRun, adapter, Optional.empty()))
        .as("a first boot deploys the adapter")
        .contains("--type rar");
  }
}
