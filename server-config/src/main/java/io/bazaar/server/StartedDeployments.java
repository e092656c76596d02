package io.bazaar.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a member's root directory last became ready with: a fingerprint of its post-boot commands
 * and of every archive they deploy with {@code --force}.
 *
 * <p>The root directory remembers every deployment, and Payara starts the remembered applications
 * at boot, before the post-boot commands run. A post-boot {@code deploy --force} of the same
 * archive then deployed the storefront and the back office a second time: 20-40 s of every restart,
 * most of a member's start under load. When nothing changed since the member was last ready (the
 * same archives, the same addresses and credentials in the commands) and its configuration still
 * lists the applications, the forced deploys are left out and the remembered applications are the
 * ones that run. Anything changed, and they deploy as before. (Disabling the remembered copies at
 * boot instead, so that only the forced deploy starts them, left Payara's MicroProfile Health
 * without the storefront's checks: {@code /health/ready} answered UP with none.)
 */
final class StartedDeployments {

  private static final Pattern FORCED_DEPLOY =
      Pattern.compile("^deploy --force=true .*--name (\\S+) (\\S+)\\s*$", Pattern.MULTILINE);

  /**
   * The resource adapter's deploy. Unlike an application's, it is left out whenever the adapter is
   * the one the member last became ready with, also on a start that deploys the applications
   * afresh: deploying the adapter again stops the one that the transaction service's recovery may
   * still be using (a member restarted while a database is down, whose remembered storefront then
   * failed to start), and the order's message branch was then never committed.
   */
  private static final Pattern ADAPTER_DEPLOY =
      Pattern.compile(
          "^deploy --force=true --type rar .*--name (\\S+) (\\S+)\\s*$", Pattern.MULTILINE);

  private final Path record;
  private final Path adapterRecord;

  /** Kept in the member's root directory, next to what it describes. */
  StartedDeployments(Path rootDirectory) {
    this.record = rootDirectory.resolve("bazaar-ready-with.sha256");
    this.adapterRecord = rootDirectory.resolve("bazaar-adapter.sha256");
  }

  /** The fingerprint of these rendered post-boot commands and of the archives they force-deploy. */
  static String fingerprint(String postBootCommands) {
    MessageDigest digest = sha256();
    digest.update(postBootCommands.getBytes(StandardCharsets.UTF_8));
    Matcher deploy = FORCED_DEPLOY.matcher(postBootCommands);
    while (deploy.find()) {
      addArchive(digest, Path.of(deploy.group(2)));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The fingerprint of the resource adapters these commands deploy: their names and archives. */
  static String adapterFingerprint(String postBootCommands) {
    MessageDigest digest = sha256();
    Matcher deploy = ADAPTER_DEPLOY.matcher(postBootCommands);
    while (deploy.find()) {
      digest.update(deploy.group(1).getBytes(StandardCharsets.UTF_8));
      addArchive(digest, Path.of(deploy.group(2)));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void addArchive(MessageDigest digest, Path archive) {
    try (InputStream in = Files.newInputStream(archive)) {
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException unreadable) {
      // An archive that cannot be read now cannot match a remembered one: deploy it, and let
      // the deploy command report why it fails.
      digest.update(("unreadable " + archive).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The commands without the resource adapter's deploy when the member last became ready with the
   * same adapter and its configuration still has it (see {@link #ADAPTER_DEPLOY}).
   */
  String withoutUnchangedAdapter(
      String commands, String adapterFingerprint, Optional<String> domainXml) {
    return withoutDeploys(
        ADAPTER_DEPLOY, commands, adapterFingerprint, read(adapterRecord), domainXml);
  }

  /**
   * The commands to run: without the forced deploys when the member was last ready with the same
   * fingerprint and its configuration still lists every application they deploy.
   *
   * @param domainXml the member's {@code config/domain.xml}, empty before its first boot
   */
  String commandsToRun(String postBootCommands, String fingerprint, Optional<String> domainXml) {
    return withoutDeploys(FORCED_DEPLOY, postBootCommands, fingerprint, remembered(), domainXml);
  }

  /**
   * The commands without the deploys that {@code deploys} matches, when the fingerprint is the
   * remembered one and the configuration still lists every application they name.
   */
  private static String withoutDeploys(
      Pattern deploys,
      String commands,
      String fingerprint,
      Optional<String> remembered,
      Optional<String> domainXml) {
    if (domainXml.isEmpty() || !fingerprint.equals(remembered.orElse(null))) {
      return commands;
    }
    Matcher deploy = deploys.matcher(commands);
    while (deploy.find()) {
      if (!domainXml.get().contains("<application-ref ref=\"" + deploy.group(1) + "\"")) {
        return commands;
      }
    }
    return deploys.matcher(commands).replaceAll("");
  }

  /**
   * Called once the member is ready: its applications deployed and answering. The adapter's record
   * is not forgotten before a boot: the adapter stays registered in the root directory whether or
   * not the applications start.
   */
  void readyWith(String fingerprint, String adapterFingerprint) {
    try {
      Files.writeString(record, fingerprint + "\n");
      Files.writeString(adapterRecord, adapterFingerprint + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Called before a boot: a member that dies in it must not be taken as ready with anything. */
  void forget() {
    try {
      Files.deleteIfExists(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<String> remembered() {
    return read(record);
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
