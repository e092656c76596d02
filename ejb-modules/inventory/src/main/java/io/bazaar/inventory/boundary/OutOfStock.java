package io.bazaar.inventory.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** Some lines cannot be served from stock. Rolls the whole checkout back; nothing is taken. */
@ApplicationException(rollback = true)
public class OutOfStock extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public record Shortage(String sku, int requested, int available) {}

  private final List<Shortage> shortages;

  public OutOfStock(List<Shortage> shortages) {
    super(
        "not enough stock for "
            + shortages.stream()
                .map(
                    s ->
                        s.sku()
                            + " (requested "
                            + s.requested()
                            + ", available "
                            + s.available()
                            + ")")
                .collect(Collectors.joining(", ")));
    this.shortages = List.copyOf(shortages);
  }

  public List<Shortage> shortages() {
    return shortages;
  }
}
