package io.bazaar.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the logs of a member's earlier lives. Payara Micro rotates its log through ten files of 1
 * MB, so the boot of a restarted member soon pushes out what the crashed life logged last: exactly
 * the lines an operator needs. Before each start the previous life's files move to {@code
 * payara-N-logs/<UTC start time>/}; the newest {@value #KEPT_LIVES} lives are kept.
 */
final class MemberLogs {

  static final int KEPT_LIVES = 20;

  private static final DateTimeFormatter LIFE_NAME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MemberLogs() {}

  static void archivePreviousLife(PayaraSettings settings) throws IOException {
    List<Path> files = settings.currentLogFiles();
    if (files.isEmpty()) {
      return;
    }
    Path life = settings.logArchiveDirectory().resolve(LIFE_NAME.format(Instant.now()));
    Files.createDirectories(life);
    for (Path file : files) {
      Files.move(file, life.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    pruneOldLives(settings.logArchiveDirectory());
  }

  private static void pruneOldLives(Path archive) throws IOException {
    List<Path> lives;
    try (Stream<Path> listing = Files.list(archive)) {
      lives = listing.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path old : lives.subList(Math.min(KEPT_LIVES, lives.size()), lives.size())) {
      try (Stream<Path> files = Files.walk(old)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
