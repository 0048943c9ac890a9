package ru.cur.appeals.notification.delivery;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few rules of a notice template, a small part of Mustache's, so that whoever edits the texts needs no
 * programmer: {@code {{name}}} is the value of {@code name} (nothing when it has none); {@code {{#name}}…{{/name}}}
 * is kept only when {@code name} has a value, {@code {{^name}}…{{/name}}} only when it has none. A line holding
 * nothing but a section's tag leaves no empty line behind. Texts are plain: nothing is escaped.
 */
final class TemplateText {

  private static final Pattern STANDALONE_TAG = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/][\\w.]+}})[ \\t]*\\r?\\n");
  private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])([\\w.]+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
  private static final Pattern VALUE = Pattern.compile("\\{\\{([\\w.]+)}}");

  private TemplateText() {}

  static String render(String template, Map<String, String> values) {
    return values(sections(STANDALONE_TAG.matcher(template).replaceAll("$1"), values), values);
  }

  private static String sections(String text, Map<String, String> values) {
    Matcher section = SECTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (section.find()) {
      boolean present = hasValue(values.get(section.group(2)));
      boolean keep = section.group(1).equals("#") == present;
      section.appendReplacement(out, Matcher.quoteReplacement(keep ? sections(section.group(3), values) : ""));
    }
    section.appendTail(out);
    return out.toString();
  }

  private static String values(String text, Map<String, String> values) {
    return VALUE.matcher(text).replaceAll(value -> Matcher.quoteReplacement(
        hasValue(values.get(value.group(1))) ? values.get(value.group(1)) : ""));
  }

  private static boolean hasValue(String value) {
    return value != null && !value.isBlank();
  }
}
