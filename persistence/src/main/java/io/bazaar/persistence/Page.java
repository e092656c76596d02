package io.bazaar.persistence;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list. Every list Bazaar returns is paginated; {@code page} counts from 0 and {@code
 * size} is bounded by {@link #MAX_SIZE} so no request can ask for the whole table.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public Page {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return size == 0 ? 0 : (total + size - 1) / size;
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }

  /** Validates a page request; rejects what no honest client sends. */
  public static void requireValid(int page, int size) {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  public static int firstResult(int page, int size) {
    return Math.multiplyExact(page, size);
  }

  /**
   * Of the page's position and the list's total, not of its items: JSON-B hashes every object it
   * writes (to detect cycles), so a hash code that walked the items would be paid once for the page
   * and again for each item. Equal pages have equal positions and totals, so this agrees with
   * equals.
   */
  @Override
  public int hashCode() {
    return Objects.hash(page, size, total);
  }
}
