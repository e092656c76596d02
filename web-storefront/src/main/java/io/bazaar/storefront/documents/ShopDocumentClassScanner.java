package io.bazaar.storefront.documents;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfoList;
import io.github.classgraph.ScanResult;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.eclipse.jnosql.mapping.reflection.ReflectionClassScanner;

/**
 * Finds the document entities, embeddables and repositories for Eclipse JNoSQL in the shop's own
 * classes only.
 *
 * <p>Why: JNoSQL's own scanner reads every class on the class path it can reach, Payara's modules
 * included, when the storefront deploys. That took 10 to 25 s of each member's start on two cores,
 * which every restart after a crash, every rolling restart and every test member pays. The shop's
 * document classes all live in the storefront's own archive under {@value #SHOP_PACKAGE}, so this
 * scanner reads only that: what it finds is the same, in well under a second.
 *
 * <p>JNoSQL takes the first {@link ClassScanner} its service loader finds; this one is registered
 * in the storefront's own {@code WEB-INF/classes}, which the web application's class loader reads
 * before the libraries in {@code WEB-INF/lib}. Should the limited scan find no entity at all (a
 * class loader it cannot read), it falls back to JNoSQL's scanner and says so.
 */
public final class ShopDocumentClassScanner implements ClassScanner {

  static final String SHOP_PACKAGE = "io.bazaar";

  private static final Logger LOG = Logger.getLogger(ShopDocumentClassScanner.class.getName());

  /** The interfaces a repository extends directly to count as a standard one, as JNoSQL counts. */
  private static final List<Class<?>> STANDARD_REPOSITORIES =
      List.of(
          CrudRepository.class, BasicRepository.class, NoSQLRepository.class, DataRepository.class);

  private final Set<Class<?>> entities;
  private final Set<Class<?>> embeddables;
  private final Set<Class<?>> repositories;
  private final Set<Class<?>> customRepositories;

  public ShopDocumentClassScanner() {
    long started = System.nanoTime();
    ClassLoader shopClasses = ShopDocumentClassScanner.class.getClassLoader();
    try (ScanResult scan =
        new ClassGraph()
            .enableClassInfo()
            .enableAnnotationInfo()
            .acceptPackages(SHOP_PACKAGE)
            .overrideClassLoaders(shopClasses)
            .ignoreParentClassLoaders()
            .scan()) {
      ClassInfoList annotatedRepositories =
          scan.getClassesWithAnnotation(Repository.class).getInterfaces();
      Set<Class<?>> found = Set.copyOf(scan.getClassesWithAnnotation(Entity.class).loadClasses());
      if (found.isEmpty()) {
        LOG.warning(
            "No document entity found under "
                + SHOP_PACKAGE
                + " in the storefront's class loader; scanning the whole class path instead");
        ClassScanner everything = new ReflectionClassScanner();
        entities = everything.entities();
        embeddables = everything.embeddables();
        repositories = everything.repositories();
        customRepositories = everything.customRepositories();
        return;
      }
      entities = found;
      embeddables = Set.copyOf(scan.getClassesWithAnnotation(Embeddable.class).loadClasses());
      repositories =
          Set.copyOf(
              annotatedRepositories
                  .filter(repository -> repository.implementsInterface(DataRepository.class))
                  .loadClasses());
      customRepositories =
          Set.copyOf(
              annotatedRepositories
                  .filter(repository -> !repository.implementsInterface(DataRepository.class))
                  .loadClasses());
    }
    LOG.info(
        () ->
            "Document classes found in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms: entities "
                + names(entities)
                + ", embeddables "
                + names(embeddables)
                + ", repositories "
                + names(repositories)
                + ", custom repositories "
                + names(customRepositories));
  }

  @Override
  public Set<Class<?>> entities() {
    return entities;
  }

  @Override
  public Set<Class<?>> repositories() {
    return repositories;
  }

  @Override
  public Set<Class<?>> embeddables() {
    return embeddables;
  }

  /** The repositories that extend {@code kind} directly. */
  @Override
  public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> kind) {
    return repositories.stream()
        .filter(repository -> Arrays.asList(repository.getInterfaces()).contains(kind))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The repositories that extend one of Jakarta Data's or JNoSQL's repository types directly. */
  @Override
  public Set<Class<?>> repositoriesStandard() {
    return repositories.stream()
        .filter(
            repository ->
                Arrays.stream(repository.getInterfaces()).anyMatch(STANDARD_REPOSITORIES::contains))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> customRepositories() {
    return customRepositories;
  }

  private static String names(Set<Class<?>> classes) {
    return classes.stream().map(Class::getSimpleName).sorted().toList().toString();
  }
}
