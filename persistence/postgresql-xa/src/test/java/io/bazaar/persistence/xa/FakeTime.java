package io.bazaar.persistence.xa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when the code under test pauses; it remembers each pause. */
final class FakeTime implements PhaseTwoOnFreshSession.Time {

  final List<Duration> pauses = new ArrayList<>();
  long now;

  @Override
  public long nanos() {
    return now;
  }

  @Override
  public void pause(Duration duration) {
    pauses.add(duration);
    now += duration.toNanos();
  }
}
