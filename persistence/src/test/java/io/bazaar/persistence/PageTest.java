package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void countsPages() {
    assertThat(new Page<>(List.of(1, 2), 0, 2, 5).totalPages()).isEqualTo(3);
    assertThat(new Page<>(List.of(), 0, 20, 0).totalPages()).isZero();
  }

  @Test
  void boundsPageRequests() {
    assertThatThrownBy(() -> Page.requireValid(-1, 20)).hasMessageContaining("page");
    assertThatThrownBy(() -> Page.requireValid(0, 0)).hasMessageContaining("size");
    assertThatThrownBy(() -> Page.requireValid(0, Page.MAX_SIZE + 1)).hasMessageContaining("size");
  }

  /** An item that fails when hashed, as a stand-in for one that is costly to hash. */
  private record Unhashable(int id) {
    @Override
    public int hashCode() {
      throw new AssertionError("the page hashed its items");
    }
  }

  @Test
  void hashesWithoutItsItemsAndAgreesWithEquals() {
    Page<Unhashable> page = new Page<>(List.of(new Unhashable(1)), 0, 20, 1);
    Page<Unhashable> same = new Page<>(List.of(new Unhashable(1)), 0, 20, 1);

    assertThat(page).isEqualTo(same);
    assertThat(page.hashCode()).isEqualTo(same.hashCode());
    assertThat(page.hashCode()).isNotEqualTo(new Page<>(List.of(), 1, 20, 1).hashCode());
  }
}
