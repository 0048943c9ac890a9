package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  @Test
  void aPlaceholderIsItsValueAndNothingWithoutOne() {
    assertThat(TemplateText.render("Обращение {{registrationNumber}}{{missing}}.",
        Map.of("registrationNumber", "ЦУР-2026-000001"))).isEqualTo("Обращение ЦУР-2026-000001.");
  }

  @Test
  void aSectionIsKeptOnlyWithItsValueAndAnInvertedOneOnlyWithout() {
    String template = "Здравствуйте{{#name}}, {{name}}{{/name}}{{^name}}, уважаемый заявитель{{/name}}!";

    assertThat(TemplateText.render(template, Map.of("name", "Анна"))).isEqualTo("Здравствуйте, Анна!");
    assertThat(TemplateText.render(template, Map.of("name", " "))).isEqualTo("Здравствуйте, уважаемый заявитель!");
  }

  @Test
  void aLineHoldingOnlyASectionTagLeavesNoEmptyLine() {
    String template = "Первая\n{{#byEmail}}\nДля почты\n{{/byEmail}}\nПоследняя\n";

    assertThat(TemplateText.render(template, Map.of("byEmail", "да"))).isEqualTo("Первая\nДля почты\nПоследняя\n");
    assertThat(TemplateText.render(template, Map.of())).isEqualTo("Первая\nПоследняя\n");
  }

  @Test
  void valuesAreNeverReadAsTemplates() {
    assertThat(TemplateText.render("{{answer}}", Map.of("answer", "Цена $5 {{link}} \\1")))
        .isEqualTo("Цена $5 {{link}} \\1");
  }
}
