package io.bazaar.inventory.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTest {

  @Test
  void takesNoMoreThanIsOnHand() {
    StockLevel level = new StockLevel("SKU-1", "MAIN", 3);
    assertThat(level.takeUpTo(2)).isEqualTo(2);
    assertThat(level.takeUpTo(5)).isEqualTo(1);
    assertThat(level.takeUpTo(1)).isZero();
    assertThat(level.onHand()).isZero();
  }

  @Test
  void neverStartsNegativeNorTakesNothing() {
    assertThatThrownBy(() -> new StockLevel("SKU-1", "MAIN", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StockLevel("SKU-1", "MAIN", 1).takeUpTo(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void receivesUnits() {
    StockLevel level = new StockLevel("SKU-1", "MAIN", 0);
    level.receive(7);
    assertThat(level.onHand()).isEqualTo(7);
    assertThatThrownBy(() -> level.receive(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSaleIsRecordedAsUnitsOut() {
    StockLevel level = new StockLevel("SKU-1", "MAIN", 5);
    StockMovement sale = StockMovement.sale(level, 2, "BZ-0000000000");
    assertThat(sale.quantity()).isEqualTo(-2);
    assertThat(sale.sku()).isEqualTo("SKU-1");
  }
}
