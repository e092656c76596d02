package io.bazaar.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves the post-boot commands' settings of resources that the member's root directory already has
 * (the pools' addresses and credentials, the resource adapter's broker address) to before the boot.
 *
 * <p>The transaction service's recovery at start runs during the boot, before any post-boot
 * command, with the pools as the root directory remembers them. Its recovery pools wait for their
 * server for as long as it takes (see operations.md, "Transactions and recovery"), so a member
 * restarted after its databases or its broker moved (a fail-over to another host, a new port)
 * waited forever for the old address, and every transaction of the member waited with it: the
 * member answered ready and then no cart and no checkout. Set before the boot, the new addresses
 * are the ones recovery uses. Settings of resources the root directory does not have yet stay after
 * the boot, behind the commands that create those resources.
 */
final class SettingsBeforeBoot {

  /** {@code set resources.<type>.<name>.<attribute or property.name>=<value>}. */
  private static final Pattern RESOURCE_SETTING =
      Pattern.compile(
          "^set resources\\.(jdbc-connection-pool|connector-connection-pool|resource-adapter-config)"
              + "\\.([^.=\\s]+)\\.([^=\\s]+)=(.*)$");

  private static final String HEADER =
      "\n# Settings of resources this root directory already has, applied before the boot so that"
          + "\n# the transaction service's recovery at start uses them (rendered by the launcher).\n";

  /**
   * @param preBoot what to add to the pre-boot commands: the settings whose values the member's
   *     configuration does not hold yet
   * @param postBoot the post-boot commands without any setting of a resource the root directory has
   */
  record Split(String preBoot, String postBoot) {}

  private SettingsBeforeBoot() {}

  /**
   * @param domainXml the member's {@code config/domain.xml}, empty before its first boot
   */
  static Split split(String postBootCommands, Optional<String> domainXml) {
    if (domainXml.isEmpty()) {
      return new Split("", postBootCommands);
    }
    StringBuilder preBoot = new StringBuilder();
    String postBoot =
        postBootCommands
            .lines()
            .filter(
                line -> {
                  Matcher setting = RESOURCE_SETTING.matcher(line);
                  if (!setting.matches()) {
                    return true;
                  }
                  Optional<Resource> resource =
                      Resource.in(domainXml.get(), setting.group(1), setting.group(2));
                  if (resource.isEmpty()) {
                    return true;
                  }
                  if (!resource.get().holds(setting.group(3), setting.group(4))) {
                    preBoot.append(line).append('\n');
                  }
                  return false;
                })
            .collect(Collectors.joining("\n", "", "\n"));
    return new Split(preBoot.isEmpty() ? "" : HEADER + preBoot, postBoot);
  }

  /** One resource element of domain.xml: its start tag and what it encloses. */
  private record Resource(String startTag, String body) {

    static Optional<Resource> in(String domainXml, String type, String name) {
      String identifier = type.equals("resource-adapter-config") ? "resource-adapter-name" : "name";
      Matcher start =
          Pattern.compile(
                  "<"
                      + type
                      + "\\b[^>]*?\\s"
                      + identifier
                      + "=\""
                      + Pattern.quote(name)
                      + "\"[^>]*>")
              .matcher(domainXml);
      if (!start.find()) {
        return Optional.empty();
      }
      String startTag = start.group();
      if (startTag.endsWith("/>")) {
        return Optional.of(new Resource(startTag, ""));
      }
      int end = domainXml.indexOf("</" + type + ">", start.end());
      return Optional.of(
          new Resource(startTag, domainXml.substring(start.end(), end < 0 ? start.end() : end)));
    }

    /** Whether the attribute, or the {@code property.<name>}, has this value already. */
    boolean holds(String setting, String value) {
      String escaped = Templates.asXmlAttribute(value);
      if (setting.startsWith("property.")) {
        String property = setting.substring("property.".length());
        return body.contains("name=\"" + property + "\" value=\"" + escaped + "\"");
      }
      return startTag.contains(" " + setting + "=\"" + escaped + "\"");
    }
  }
}
