package io.bazaar.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * Hibernate, with the search settings taken from MicroProfile Config at deploy time, so that the
 * same WAR runs on embedded Lucene (the default) or on an OpenSearch cluster by configuration
 * alone: an environment variable such as {@code HIBERNATE_SEARCH_BACKEND_TYPE=elasticsearch} or a
 * system property overrides the defaults in {@code microprofile-config.properties}. A
 * persistence.xml property could not be overridden that way (Hibernate lets it win over system
 * properties); the container's integration map wins over persistence.xml, so the settings go there.
 */
public class ConfiguredHibernateProvider extends HibernatePersistenceProvider {

  private static final Logger LOG = Logger.getLogger(ConfiguredHibernateProvider.class.getName());

  private static final String SEARCH = "hibernate.search.";
  private static final String BACKEND_TYPE = "hibernate.search.backend.type";

  /** Settings of one backend type only; passing them to the other one makes it warn. */
  private static final List<String> LUCENE_ONLY =
      List.of("hibernate.search.backend.directory.", "hibernate.search.backend.io.");

  private static final List<String> ELASTICSEARCH_ONLY =
      List.of(
          "hibernate.search.backend.hosts",
          "hibernate.search.backend.protocol",
          "hibernate.search.backend.username",
          "hibernate.search.backend.password",
          "hibernate.search.backend.version",
          "hibernate.search.backend.version_check",
          "hibernate.search.backend.schema_management.",
          "hibernate.search.backend.request_timeout",
          "hibernate.search.backend.connection_timeout",
          "hibernate.search.backend.read_timeout",
          "hibernate.search.backend.max_connections",
          "hibernate.search.backend.indexing.");

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public EntityManagerFactory createContainerEntityManagerFactory(
      PersistenceUnitInfo info, Map properties) {
    Map merged = new HashMap<>(properties == null ? Map.of() : properties);
    merged.putAll(searchSettings(info));
    return super.createContainerEntityManagerFactory(info, merged);
  }

  private static Map<String, String> searchSettings(PersistenceUnitInfo info) {
    Object enabled = info.getProperties().get("hibernate.search.enabled");
    if ("false".equals(enabled)) {
      return Map.of();
    }
    Config config = ConfigProvider.getConfig(info.getClassLoader());
    String type = config.getOptionalValue(BACKEND_TYPE, String.class).orElse("lucene");
    Map<String, String> settings = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(SEARCH) && belongsTo(type, name)) {
        config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name, value));
      }
    }
    settings.put(BACKEND_TYPE, type);
    LOG.info(
        () ->
            "persistence unit "
                + info.getPersistenceUnitName()
                + ": search backend "
                + type
                + (type.equals("lucene")
                    ? " in " + settings.get("hibernate.search.backend.directory.root")
                    : " at " + settings.get("hibernate.search.backend.hosts")));
    return settings;
  }

  private static boolean belongsTo(String type, String name) {
    List<String> foreign = type.equals("lucene") ? ELASTICSEARCH_ONLY : LUCENE_ONLY;
    return foreign.stream().noneMatch(name::startsWith);
  }
}
