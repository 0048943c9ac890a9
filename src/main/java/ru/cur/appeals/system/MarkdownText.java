package ru.cur.appeals.system;

/** Text for the Markdown text views of Camunda Forms. */
public final class MarkdownText {

  private MarkdownText() {}

  /**
   * The resident's words exactly as written in the form's Markdown text view: markup characters and
   * HTML are escaped (a "<b>не</b>" would otherwise lose the word), line breaks are kept.
   */
  public static String escape(String text) {
    StringBuilder shown = new StringBuilder(text.length() + 64);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> shown.append("&amp;");
        case '<' -> shown.append("&lt;");
        case '\n' -> shown.append("  \n");
        case '\r' -> { }
        default -> {
          if ("\\`*_{}[]()#+-.!|~>".indexOf(c) >= 0) {
            shown.append('\\');
          }
          shown.append(c);
        }
      }
    }
    return shown.toString();
  }
}
