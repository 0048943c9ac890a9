package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.cur.appeals.notification.NoticeKind;

class NoticeTemplatesTest {

  private static final Map<String, String> EVERYTHING = Map.ofEntries(
      Map.entry("registrationNumber", "ЦУР-2026-000123"),
      Map.entry("registeredAt", "23.11.2026 20:30"),
      Map.entry("registeredDate", "23.11.2026"),
      Map.entry("residentName", "Анна Сергеевна Ким"),
      Map.entry("centerName", "Центр управления регионом"),
      Map.entry("organizationName", "ГБУЗ НСО «Бердская ЦГБ»"),
      Map.entry("answer", "Запись к терапевту открыта"),
      Map.entry("reply", "Сообщение передано в администрацию"),
      Map.entry("link", "https://appeals.example.ru/confirm/abc"),
      Map.entry("due", "30.11.2026"),
      Map.entry("days", "30"),
      Map.entry("reason", "Нужна выездная проверка"),
      Map.entry("closingReason", "в нём нет вопроса"),
      Map.entry("forwardedTo", "Прокуратура Новосибирской области"),
      Map.entry("duplicateOf", "ЦУР-2026-000100"));

  @TempDir
  Path overrides;

  @Test
  void everyNoticeKindHasASubjectAndABodyInRussianForEveryWay() {
    NoticeTemplates templates = new NoticeTemplates(settings(null));
    for (NoticeKind kind : NoticeKind.values()) {
      for (Way way : Way.values()) {
        NoticeTemplates.Text text = templates.render(kind, way, EVERYTHING);

        assertThat(text.subject()).as("%s %s", kind, way).isNotBlank().doesNotContain("{{")
            .containsPattern("[А-Яа-я]");
        assertThat(text.body()).as("%s %s", kind, way).doesNotContain("{{").doesNotContain("\n\n\n")
            .contains("Центр управления регионом");
      }
    }
  }

  @Test
  void theConfirmationRequestGivesThePersonalLinkAndTheWindow() {
    NoticeTemplates.Text text = new NoticeTemplates(settings(null))
        .render(NoticeKind.CONFIRMATION_REQUEST, Way.EMAIL, EVERYTHING);

    assertThat(text.body()).contains("https://appeals.example.ru/confirm/abc").contains("до 30.11.2026")
        .contains("Запись к терапевту открыта");
  }

  @Test
  void aFirstReplyInTheChannelIsTheReplyItselfAndAnEmailGreetsTheResident() {
    NoticeTemplates templates = new NoticeTemplates(settings(null));

    assertThat(templates.render(NoticeKind.FIRST_REPLY, Way.WEBHOOK, with("byWebhook")).body())
        .startsWith("Сообщение передано в администрацию");
    assertThat(templates.render(NoticeKind.FIRST_REPLY, Way.EMAIL, with("byEmail")).body())
        .startsWith("Здравствуйте, Анна Сергеевна Ким!\n\nСообщение передано в администрацию");
  }

  @Test
  void aRejectionWithoutAResidentsNameStillReadsWell() {
    Map<String, String> values = new HashMap<>(EVERYTHING);
    values.remove("residentName");
    values.remove("closingReason");

    assertThat(new NoticeTemplates(settings(null)).render(NoticeKind.REJECTED, Way.POST, values).body())
        .startsWith("Здравствуйте!\n\n").contains("оставлено без ответа по существу.");
  }

  @Test
  void aFileInTheTemplatesFolderReplacesTheBuiltInTextAndAWaysOwnFileIsPreferred() throws IOException {
    Files.writeString(overrides.resolve("answered.txt"), "Тема: Ответ {{registrationNumber}}\n\nКоротко: {{answer}}\n");
    Files.writeString(overrides.resolve("answered.webhook.txt"), "Тема: -\n\n{{answer}}\n");
    NoticeTemplates templates = new NoticeTemplates(settings(overrides));

    assertThat(templates.render(NoticeKind.ANSWERED, Way.EMAIL, EVERYTHING))
        .isEqualTo(new NoticeTemplates.Text("Ответ ЦУР-2026-000123", "Коротко: Запись к терапевту открыта\n"));
    assertThat(templates.render(NoticeKind.ANSWERED, Way.WEBHOOK, EVERYTHING).body())
        .isEqualTo("Запись к терапевту открыта\n");
    assertThat(templates.render(NoticeKind.REGISTERED, Way.EMAIL, EVERYTHING).subject())
        .isEqualTo("Обращение ЦУР-2026-000123 зарегистрировано");
  }

  @Test
  void aTemplateWithoutItsSubjectLineIsRefusedWithTheFileNamed() throws IOException {
    Files.writeString(overrides.resolve("withdrawn.txt"), "Обращение {{registrationNumber}} отозвано\n");
    NoticeTemplates templates = new NoticeTemplates(settings(overrides));

    assertThatThrownBy(() -> templates.render(NoticeKind.WITHDRAWN, Way.EMAIL, EVERYTHING))
        .hasMessageContaining("withdrawn.txt").hasMessageContaining("Тема:");
  }

  @Test
  void closingReasonsAreWordedForResidentsAndAnUnknownCodeStaysAsItIs() throws IOException {
    assertThat(new NoticeTemplates(settings(null)).closingReason("ABUSIVE"))
        .contains("часть 3 статьи 11 Федерального закона № 59-ФЗ");
    Files.writeString(overrides.resolve(NoticeTemplates.CLOSING_REASONS), "NO_SUBSTANCE=нет сути\n");

    assertThat(new NoticeTemplates(settings(overrides)).closingReason("NO_SUBSTANCE")).isEqualTo("нет сути");
    assertThat(new NoticeTemplates(settings(overrides)).closingReason("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
  }

  private static Map<String, String> with(String flag) {
    Map<String, String> values = new HashMap<>(EVERYTHING);
    values.put(flag, "да");
    return values;
  }

  private static DeliverySettings settings(Path templatesDir) {
    return new DeliverySettings(50, 10, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), "test",
        templatesDir == null ? null : templatesDir.toString(), "Центр управления регионом", false,
        new DeliverySettings.Mail(null),
        new DeliverySettings.Webhook(null, null, "X-Webhook-Secret", Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }
}
