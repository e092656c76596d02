package io.bazaar.systemtest;

import io.bazaar.faults.BrokerOutageXAResource;
import io.bazaar.faults.ConnectionKillingXAResource;
import io.bazaar.faults.Faults;
import io.bazaar.faults.FaultyOrderEvents;
import io.bazaar.faults.FaultyPaymentGateway;
import io.bazaar.faults.HaltingXAResource;
import io.bazaar.faults.InjectedBranch;
import io.bazaar.faults.InjectedFault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The storefront WAR exactly as built, plus one library jar holding the fault-injection decorators.
 * Orders not marked by {@link Faults} run the unchanged shop code.
 */
final class FaultInjectedStorefront {

  private FaultInjectedStorefront() {}

  static Path build(Path storefrontWar, Path target) throws Exception {
    JavaArchive faults =
        ShrinkWrap.create(JavaArchive.class, "fault-injection.jar")
            .addClasses(
                Faults.class,
                InjectedFault.class,
                HaltingXAResource.class,
                HaltingXAResource.Phase.class,
                InjectedBranch.class,
                ConnectionKillingXAResource.class,
                BrokerOutageXAResource.class,
                FaultyOrderEvents.class,
                FaultyPaymentGateway.class)
            .addAsManifestResource("fault-injection/META-INF/beans.xml", "beans.xml");
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, "web-storefront.war")
            .importFrom(storefrontWar.toFile())
            .as(WebArchive.class)
            .addAsLibrary(faults);
    Files.createDirectories(target.getParent());
    war.as(ZipExporter.class).exportTo(target.toFile(), true);
    return target;
  }
}
