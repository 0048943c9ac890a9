package ru.cur.appeals.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  @Test
  void residentsWordsReachTheTextViewAsWrittenNotAsMarkup() {
    assertThat(MarkdownText.escape("Мусор <b>не</b> вывозят с 1.11 *уже* 2 недели\r\n# Просьба: [срочно]"))
        .isEqualTo("Мусор &lt;b\\>не&lt;/b\\> вывозят с 1\\.11 \\*уже\\* 2 недели  \n\\# Просьба: \\[срочно\\]");
  }

  @Test
  void ampersandsStayAmpersands() {
    assertThat(MarkdownText.escape("ЖКХ & УК")).isEqualTo("ЖКХ &amp; УК");
  }
}
