package io.bazaar.systemtest;

import io.bazaar.server.ShopLayout;
import io.bazaar.server.ShopStack;
import io.bazaar.server.TcpPorts;
import io.bazaar.server.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points Arquillian's managed Payara Micro adapter at the running shop's PostgreSQL, broker,
 * document store, mail server and payment sandbox: the boot command files of server-config,
 * rendered for a member of its own name, minus the application deployments (Arquillian deploys the
 * archive under test).
 *
 * <p>Registered by JUnit's extension auto-detection (META-INF/services), not by
 * {@code @ExtendWith}, so that in-container test classes name no class the deployment lacks; it
 * runs before the Arquillian extension and acts only for test classes that use Arquillian.
 */
public final class ArquillianPayara implements BeforeAllCallback {

  private static boolean configured;

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws Exception {
    if (configured || !usesArquillian(context)) {
      return;
    }
    ShopStack stack = RunningShop.ensureStarted(context).stack;
    ShopLayout layout = stack.settings().layout();
    Path boot =
        Files.createDirectories(stack.settings().dataDirectory().resolve("arquillian-boot"));
    Map<String, String> environment = new LinkedHashMap<>(stack.payaraEnvironment());
    environment.put("BAZAAR_NODE_NAME", "arquillian-1");
    environment.put("BAZAAR_HTTP_ADDRESS", "127.0.0.1");
    Path templates = layout.payaraTemplates();
    Path preBoot = boot.resolve("pre-boot-commands.asadmin");
    Files.writeString(
        preBoot,
        Templates.renderCommandFile(
            Files.readString(templates.resolve("pre-boot-commands.asadmin")), environment));
    String postBootCommands =
        Files.readString(templates.resolve("post-boot-commands.asadmin"))
            .lines()
            // Arquillian deploys the application; the resource adapter stays.
            .filter(line -> !line.startsWith("deploy --force") || line.contains("--type rar"))
            .collect(Collectors.joining("\n"));
    Path postBoot = boot.resolve("post-boot-commands.asadmin");
    Files.writeString(postBoot, Templates.renderCommandFile(postBootCommands, environment));

    // Without its own grid configuration Hazelcast would listen on every interface.
    Path hazelcast = boot.resolve("hazelcast.xml");
    Files.writeString(
        hazelcast,
        Templates.renderVariables(
            Files.readString(templates.resolve("hazelcast.xml")),
            Map.of(
                "BAZAAR_CLUSTER_NAME",
                "arquillian-" + TcpPorts.freePort(),
                "BAZAAR_GRID_PORT",
                Integer.toString(TcpPorts.freePort()),
                "BAZAAR_GRID_MEMBERS",
                "127.0.0.1",
                "BAZAAR_GRID_INTERFACE",
                "127.0.0.1")));

    System.setProperty("payara.microJar", layout.payaraMicroJar().toString());
    System.setProperty("payara.randomHttpPort", "true");
    System.setProperty("payara.startupTimeoutInSeconds", "300");
    System.setProperty(
        "payara.extraMicroOptions",
        String.join(
            " ",
            "--rootdir",
            boot.resolveSibling("arquillian-root").toString(),
            "--prebootcommandfile",
            preBoot.toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--addlibs",
            layout.serverLibraries().stream()
                .map(Path::toString)
                .collect(java.util.stream.Collectors.joining(":")),
            "--hzconfigfile",
            hazelcast.toString(),
            "--disablephonehome"));
    // The applications read MicroProfile Config; system properties of the Payara JVM carry it here.
    System.setProperty(
        "payara.cmdOptions",
        String.join(
            " ",
            "-Xmx768m",
            "-Dhazelcast.config=" + hazelcast,
            "-Djnosql.mongodb.url=" + stack.documents().connectionString(),
            "-Djnosql.document.database=" + stack.settings().documentDatabase(),
            "-Dbazaar.mail.smtp.port=" + stack.settings().smtpPort(),
            "-Dbazaar.payment.provider.url=" + stack.payments().baseUri()));
    configured = true;
  }

  private static boolean usesArquillian(ExtensionContext context) {
    return context
        .getTestClass()
        .map(
            type ->
                java.util.Arrays.stream(type.getAnnotationsByType(ExtendWith.class))
                    .flatMap(extendWith -> java.util.Arrays.stream(extendWith.value()))
                    .anyMatch(extension -> extension.getName().startsWith("org.jboss.arquillian")))
        .orElse(false);
  }
}
