package io.bazaar.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * HQL functions Bazaar's queries need beyond Hibernate's own, registered with every persistence
 * unit through {@code META-INF/services}.
 *
 * <p>{@code sku_in(x, :values)} renders {@code x = any(?)} with one array parameter, which an index
 * on {@code x} serves; Hibernate's {@code array_contains} renders {@code array_position(?, x) is
 * not null}, which no index serves (with 100,000 products that scanned every stock row). It does
 * not save the translation: Hibernate caches no plan for a query that passes a parameter to a
 * function (it may be multi-valued there), nor for {@code in :list}. Queries that run on every
 * checkout or page view are therefore SQL ({@code sku = any(?1)}); this function is for the rarer
 * ones.
 */
public class SqlFunctions implements FunctionContributor {

  @Override
  public void contributeFunctions(FunctionContributions functions) {
    functions
        .getFunctionRegistry()
        .patternDescriptorBuilder("sku_in", "(?1 = any(?2))")
        .setInvariantType(
            functions
                .getTypeConfiguration()
                .getBasicTypeRegistry()
                .resolve(StandardBasicTypes.BOOLEAN))
        .setExactArgumentCount(2)
        .register();
  }
}
