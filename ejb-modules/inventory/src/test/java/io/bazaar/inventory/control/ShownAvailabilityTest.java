package io.bazaar.inventory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bazaar.inventory.boundary.StockChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShownAvailabilityTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final Map<String, Integer> database = new HashMap<>(Map.of("A", 5, "B", 2));
  private final List<Collection<String>> queries = new ArrayList<>();
  private final List<List<String>> toldOtherMembers = new ArrayList<>();

  private Map<String, Integer> query(Collection<String> skus) {
    queries.add(List.copyOf(skus));
    Map<String, Integer> units = new HashMap<>();
    skus.forEach(sku -> units.put(sku, database.getOrDefault(sku, 0)));
    return units;
  }

  private ShownAvailability shown(Duration timeToLive) {
    return ShownAvailability.forTest(
        timeToLive, now::get, skus -> toldOtherMembers.add(List.of(skus)));
  }

  @Test
  void aFreshCopyAnswersWithoutAQueryAndAnExpiredOneIsReadAgain() {
    ShownAvailability availability = shown(Duration.ofSeconds(1));
    assertEquals(Map.of("A", 5, "B", 2), availability.of(List.of("A", "B"), this::query));
    database.put("A", 4);

    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertEquals(Map.of("A", 5, "B", 2), availability.of(List.of("A", "B"), this::query));
    assertEquals(1, queries.size());

    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertEquals(Map.of("A", 4, "B", 2), availability.of(List.of("A", "B"), this::query));
    assertEquals(2, queries.size());
  }

  @Test
  void oneSkuWithoutACopyReadsTheWholeProductAgain() {
    ShownAvailability availability = shown(Duration.ofSeconds(1));
    availability.of(List.of("A"), this::query);

    assertEquals(Map.of("A", 5, "B", 2), availability.of(List.of("A", "B"), this::query));
    assertEquals(List.of(List.of("A"), List.of("A", "B")), queries);
  }

  @Test
  void thisMembersCommitShowsAtOnce() {
    ShownAvailability availability = shown(Duration.ofSeconds(1));
    availability.of(List.of("A"), this::query);

    availability.committed(new StockChanged(Map.of("A", 0)));

    assertEquals(Map.of("A", 0), availability.of(List.of("A"), this::query));
    assertEquals(1, queries.size());
  }

  @Test
  void aCountReadBeforeACommitCannotReplaceTheCommittedOne() {
    ShownAvailability availability = shown(Duration.ofSeconds(1));

    readFiveWhile(availability, () -> availability.committed(new StockChanged(Map.of("A", 3))));

    assertEquals(Map.of("A", 3), availability.of(List.of("A"), this::query));
    assertEquals(0, queries.size());
  }

  /** A query of A that reads 5, during which, 5 ms later, the commit happens. */
  private void readFiveWhile(ShownAvailability availability, Runnable commit) {
    availability.of(
        List.of("A"),
        skus -> {
          Map<String, Integer> readBeforeTheCommit = Map.of("A", 5);
          now.addAndGet(Duration.ofMillis(5).toNanos());
          commit.run();
          return readBeforeTheCommit;
        });
  }

  @Test
  void aTimeToLiveOfZeroAlwaysQueries() {
    ShownAvailability availability = shown(Duration.ZERO);
    availability.of(List.of("A"), this::query);
    availability.committed(new StockChanged(Map.of("A", 1)));

    assertEquals(Map.of("A", 5), availability.of(List.of("A"), this::query));
    assertEquals(2, queries.size());
  }

  @Test
  void aFullCopyDropsExpiredCountsAndNeverGrowsPastItsBound() {
    ShownAvailability availability = shown(Duration.ofSeconds(1));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < ShownAvailability.MAX_SKUS; i++) {
      many.add("S" + i);
    }
    availability.of(many, this::query);
    availability.of(List.of("A"), this::query);
    availability.of(List.of("A"), this::query);
    assertEquals(3, queries.size(), "no room for A while every copy is fresh");

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    availability.of(List.of("A"), this::query);
    availability.of(List.of("A"), this::query);
    assertEquals(4, queries.size(), "the expired copies made room for A");
  }

  @Test
  void thisMembersCommitsAreToldToTheOtherMembersTogetherInTheNextNotice() {
    ShownAvailability availability = shown(Duration.ofMinutes(5));

    availability.committed(new StockChanged(Map.of("A", 0)));
    availability.committed(new StockChanged(Map.of("A", 1, "B", 1)));
    assertEquals(List.of(), toldOtherMembers, "nothing is sent by the committing thread");

    availability.sendNotice();
    availability.sendNotice();

    assertEquals(1, toldOtherMembers.size(), "one notice, and none while nothing changed");
    assertEquals(Set.of("A", "B"), Set.copyOf(toldOtherMembers.get(0)));
    assertEquals(2, toldOtherMembers.get(0).size());
  }

  @Test
  void anotherMembersCommitMakesTheNextViewReadAgain() {
    ShownAvailability availability = shown(Duration.ofMinutes(5));
    availability.of(List.of("A", "B"), this::query);
    database.put("A", 4);

    availability.changedElsewhere(new String[] {"A"});

    assertEquals(Map.of("A", 4, "B", 2), availability.of(List.of("A", "B"), this::query));
    assertEquals(Map.of("A", 4, "B", 2), availability.of(List.of("A", "B"), this::query));
    assertEquals(2, queries.size(), "read again once, then kept");
    assertEquals(List.of(), toldOtherMembers, "another member's change is not sent back");
  }

  @Test
  void aCountReadBeforeAnotherMembersCommitCannotBeKept() {
    ShownAvailability availability = shown(Duration.ofMinutes(5));

    readFiveWhile(
        availability,
        () -> {
          database.put("A", 3);
          availability.changedElsewhere(new String[] {"A"});
        });

    assertEquals(Map.of("A", 3), availability.of(List.of("A"), this::query));
  }

  @Test
  void aFullCopyStillForgetsWhatAnotherMemberChanged() {
    ShownAvailability availability = shown(Duration.ofMinutes(5));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < ShownAvailability.MAX_SKUS - 1; i++) {
      many.add("S" + i);
    }
    many.add("A");
    availability.of(many, this::query);
    database.put("A", 1);

    availability.changedElsewhere(new String[] {"A", "not kept here"});

    assertEquals(Map.of("A", 1), availability.of(List.of("A"), this::query));
  }
}
