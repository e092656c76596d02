package io.bazaar.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * HQL functions Bazaar's queries need beyond Hibernate's own, registered with every persistence
 * unit through {@code META-INF/services}.
 *
 * <p>{@code sku_in(x, :values)} renders {@code x = any(?)} with one array parameter. Hibernate's
 * {@code in :list} is re-translated on every execution (a multi-valued parameter), and its {@code
 * array_contains} renders {@code array_position(?, x) is not null}, which no index serves: with
 * 100,000 products that scanned every stock row for each product detail and checkout.
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
