package io.bazaar.server;

import java.util.Map;
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
}
