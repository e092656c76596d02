package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberLogsTest {

  @TempDir Path data;

  @Test
  void movesTheLastLifesLogsAsideAndLeavesOtherMembersAlone() throws Exception {
    PayaraSettings settings =
        new PayaraSettings(Path.of("payara-micro.jar"), Path.of("payara"), data)
            .nodeName("bazaar-1");
    Files.writeString(data.resolve("payara-bazaar-1.log.0"), "last words");
    Files.writeString(data.resolve("payara-bazaar-1.log.3"), "older");
    Files.writeString(data.resolve("payara-bazaar-1.out"), "console");
    Files.writeString(data.resolve("payara-bazaar-10.log.0"), "another member");

    MemberLogs.archivePreviousLife(settings);

    Path life = onlyLife(settings.logArchiveDirectory());
    assertThat(Files.readString(life.resolve("payara-bazaar-1.log.0"))).isEqualTo("last words");
    assertThat(life.resolve("payara-bazaar-1.log.3")).exists();
    assertThat(life.resolve("payara-bazaar-1.out")).exists();
    assertThat(data.resolve("payara-bazaar-1.log.0")).doesNotExist();
    assertThat(data.resolve("payara-bazaar-10.log.0")).exists();
  }

  @Test
  void keepsOnlyTheNewestLives() throws Exception {
    PayaraSettings settings =
        new PayaraSettings(Path.of("payara-micro.jar"), Path.of("payara"), data)
            .nodeName("bazaar-2");
    for (int life = 0; life < MemberLogs.KEPT_LIVES + 3; life++) {
      Files.writeString(data.resolve("payara-bazaar-2.log.0"), "life " + life);
      MemberLogs.archivePreviousLife(settings);
      Thread.sleep(2);
    }

    try (Stream<Path> lives = Files.list(settings.logArchiveDirectory())) {
      assertThat(lives.count()).isEqualTo(MemberLogs.KEPT_LIVES);
    }
  }

  @Test
  void aFirstStartHasNothingToKeep() throws Exception {
    PayaraSettings settings =
        new PayaraSettings(Path.of("payara-micro.jar"), Path.of("payara"), data)
            .nodeName("bazaar-3");

    MemberLogs.archivePreviousLife(settings);

    assertThat(settings.logArchiveDirectory()).doesNotExist();
  }

  private static Path onlyLife(Path archive) throws Exception {
    try (Stream<Path> lives = Files.list(archive)) {
      return lives
          .reduce(
              (a, b) -> {
                throw new AssertionError("more than one life");
              })
          .orElseThrow();
    }
  }
}
