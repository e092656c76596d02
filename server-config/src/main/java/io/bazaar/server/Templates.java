package io.bazaar.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the configuration templates: the asadmin command files and hazelcast.xml of
 * src/main/payara, and jms-config's broker.xml. A placeholder without a value is an error naming
 * every missing name, never a silently empty setting.
 */
public final class Templates {

  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$\\{ENV=([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern TOKEN = Pattern.compile("@([A-Z][A-Z0-9_]*)@");

  private Templates() {}

  /**
   * Replaces every {@code ${ENV=NAME}} in an asadmin command file. Comment lines are kept as they
   * are (they mention the syntax itself). asadmin splits a command on white space, so a value
   * containing white space is refused rather than turned into a broken command.
   */
  public static String renderCommandFile(String template, Map<String, String> values) {
    Set<String> missing = new TreeSet<>();
    String rendered =
        template
            .lines()
            .map(
                line ->
                    line.stripLeading().startsWith("#")
                        ? line
                        : replace(ENV_REFERENCE, line, values, missing, Templates::noWhiteSpace))
            .collect(Collectors.joining("\n", "", "\n"));
    requireNoneMissing(missing);
    return rendered;
  }

  /** Replaces every {@code ${NAME}}, as in hazelcast.xml. */
  public static String renderVariables(String template, Map<String, String> values) {
    Set<String> missing = new TreeSet<>();
    String rendered = replace(VARIABLE, template, values, missing, (name, value) -> value);
    requireNoneMissing(missing);
    return rendered;
  }

  /** Replaces every {@code @NAME@} token, as in broker.xml. */
  public static String renderTokens(String template, Map<String, String> values) {
    Set<String> missing = new TreeSet<>();
    String rendered = replace(TOKEN, template, values, missing, (name, value) -> value);
    requireNoneMissing(missing);
    return rendered;
  }

  private interface ValueCheck {
    String checked(String name, String value);
  }

  private static String replace(
      Pattern placeholder,
      String text,
      Map<String, String> values,
      Set<String> missing,
      ValueCheck check) {
    Matcher matcher = placeholder.matcher(text);
    StringBuilder rendered = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        missing.add(name);
        matcher.appendReplacement(rendered, Matcher.quoteReplacement(matcher.group()));
      } else {
        matcher.appendReplacement(rendered, Matcher.quoteReplacement(check.checked(name, value)));
      }
    }
    matcher.appendTail(rendered);
    return rendered.toString();
  }

  private static String noWhiteSpace(String name, String value) {
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          name
              + " must be non-empty and contain no white space to be used in an asadmin command: '"
              + value
              + "'");
    }
    return value;
  }

  private static void requireNoneMissing(Set<String> missing) {
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No value for template placeholders " + missing);
    }
  }

  /**
   * Opens the block of {@code set} commands that a restart needs only when their values changed.
   */
  public static final String CHANGED_SETTINGS_BEGIN =
      "# --- applied on restart only if changed: begin";

  public static final String CHANGED_SETTINGS_END = "# --- applied on restart only if changed: end";

  /**
   * Drops the block of {@code set} commands whose values the member's configuration already holds
   * (or all of it on a first boot, when the {@code create-*} commands before it set the same
   * values). Setting a resource adapter's property, even to its current value, makes Payara shut
   * the adapter down and deploy it again in the background; an application deployed in that window
   * fails with "Resource adapter artemis-ra is not deployed", which a busy machine made happen.
   *
   * @param domainXml the member's {@code config/domain.xml}, empty before its first boot
   */
  public static String withoutUnchangedSettings(String commands, Optional<String> domainXml) {
    int begin = commands.indexOf(CHANGED_SETTINGS_BEGIN);
    int end = commands.indexOf(CHANGED_SETTINGS_END);
    if (begin < 0 || end < begin) {
      return commands;
    }
    boolean unchanged =
        domainXml.isEmpty()
            || commands
                .substring(begin, end)
                .lines()
                .filter(line -> line.startsWith("set "))
                .allMatch(line -> holds(domainXml.get(), line.substring("set ".length())));
    return unchanged ? commands.substring(0, begin) + commands.substring(end) : commands;
  }

  /** Whether the configuration has the property of {@code dotted.name.property=value}. */
  private static boolean holds(String domainXml, String assignment) {
    int equals = assignment.indexOf('=');
    String dottedName = assignment.substring(0, equals);
    String property = dottedName.substring(dottedName.lastIndexOf('.') + 1);
    String value = asXmlAttribute(assignment.substring(equals + 1));
    return domainXml.contains("name=\"" + property + "\" value=\"" + value + "\"");
  }

  /** A value as domain.xml writes it inside an attribute's quotes. */
  static String asXmlAttribute(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
