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
}
