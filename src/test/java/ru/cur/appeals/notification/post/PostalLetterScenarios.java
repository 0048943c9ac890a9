package ru.cur.appeals.notification.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.notification.delivery.NoticeSender;

/**
 * Printed letters (issue 6): an official appeal's author who left a postal address and no e-mail gets every notice
 * as a PDF that a clerk mails, through the task «Отправить письмо почтой» of the organisation holding the appeal
 * (the moderators' before it has one). Delivery runs when a scenario says so; see the subclasses for the databases.
 */
abstract class PostalLetterScenarios {

  /** Monday 23 November 2026, 20:30 in Novosibirsk (the demo's zone). */
  static final Instant NOW = Instant.parse("2026-11-23T13:30:00Z");
  static final String ADDRESS = "633010, Бердск, ул. Морская, 5, кв. 7";
  static final String ANSWER = "Запись к терапевту открыта по телефону 122; с декабря — через Госуслуги";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  NoticeSender sender;

  AppealApi api;

  @BeforeEach
  void startTheClock() {
    api = new AppealApi(rest);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void theAnswerToAPostalAppealIsALetterTheOrganisationsClerkMailsSignedByTheHeadWhoApprovedIt() throws IOException {
    String id = api.register(officialComplaint());

    deliverEverythingDue();
    // Registered, not yet routed: the centre's moderators mail the first letter.
    assertThat(mailTasks("moderator", id)).hasSize(1);
    Map<String, Object> registered = mailTasks("moderator", id).get(0);
    assertThat(api.tasks("executor", id)).isEmpty();
    ResponseEntity<String> future = api.submitForm("moderator", (String) registered.get("id"),
        Map.of("mailedOn", "2026-11-24"));
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody()).contains("Дата отправки не может быть позже сегодняшней");
    assertThat(api.submitForm("moderator", (String) registered.get("id"),
        Map.of("mailedOn", "2026-11-23", "trackingNumber", "6330 1012 3456 78")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(letterOf(id, "REGISTERED")).containsEntry("mailed_by", "moderator")
        .containsEntry("tracking_number", "63301012345678").containsEntry("organization", null)
        .satisfies(letter -> assertThat(letter.get("mailed_at").toString()).isEqualTo("2026-11-23"));

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.quality", "territory", "berdsk"));
    api.complete("executor", id, "prepare-answer", Map.of("answerText", ANSWER));
    api.complete("head", id, "approve-answer", Map.of("approved", true));
    deliverEverythingDue();

    assertThat(notices(id)).extracting(notice -> notice.get("kind") + " " + notice.get("status") + " "
        + notice.get("delivered_via")).containsExactly("REGISTERED SENT post", "ROUTED SENT post",
        "ANSWERED SENT post", "CONFIRMATION_REQUEST SENT post");
    assertThat(mailTasks("executor", id)).hasSize(3);
    assertThat(api.tasks("ministry", id)).isEmpty();

    long answered = ((Number) letterOf(id, "ANSWERED").get("id")).longValue();
    Map<String, Object> task = mailTasks("executor", id).stream()
        .filter(candidate -> formValue(candidate, "letterUrl").equals("/letters/" + answered + ".pdf"))
        .findFirst().orElseThrow();
    assertThat(formValue(task, "registrationNumber")).isEqualTo(id);
    assertThat(formValue(task, "recipient")).isEqualTo("Анна Сергеевна Ким");
    assertThat(formValue(task, "postalAddress")).isEqualTo(ADDRESS);

    ResponseEntity<byte[]> pdf = download("executor", answered);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
        .contains("filename=\"CUR-").contains("filename*=UTF-8''%D0%A6%D0%A3%D0%A0-");
    assertThat(pdf.getHeaders().getCacheControl()).contains("no-store");
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text(pdf.getBody())).contains("На ваше обращение от 23.11.2026 № " + id)
        .contains("Ответ на обращение " + id).contains(ANSWER).contains(ADDRESS).contains("Елена Руководителева");
    assertThat(download("ministry", answered).getStatusCode().value()).isEqualTo(404);
    assertThat(download("moderator", answered).getStatusCode().value()).isEqualTo(200);
    assertThat(rest.getForEntity("/letters/{id}.pdf", String.class, answered).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.getForEntity("/api/letters/{id}.pdf", String.class, answered).getStatusCode().value())
        .isEqualTo(401);

    // The node died after the letter was made and before the notice was marked: delivered again, it finds it.
    jdbc.sql("""
        update notification_outbox set status = 'PENDING', next_attempt_at = created_at
        where id = (select notice_id from printed_letter where id = :letter)""").param("letter", answered).update();
    deliverEverythingDue();
    assertThat(jdbc.sql("select count(*) from printed_letter where appeal_id = (select id from appeal where "
        + "registration_number = :id)").param("id", id).query(Long.class).single()).isEqualTo(4);
    assertThat(mailTasks("executor", id)).hasSize(3);
    assertThat(notices(id)).allSatisfy(notice -> assertThat(notice).containsEntry("status", "SENT"));

    assertThat(api.submitForm("executor", (String) task.get("id"), Map.of("mailedOn", "2026-11-23"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(letterOf(id, "ANSWERED")).containsEntry("mailed_by", "executor")
        .containsEntry("tracking_number", null)
        .satisfies(letter -> assertThat(letter.get("mailed_at").toString()).isEqualTo("2026-11-23"));
    assertThat(mailTasks("executor", id)).hasSize(2);
  }

  // --- helpers

  void deliverEverythingDue() {
    for (int round = 0; round < 1_000 && sender.deliverDue() > 0; round++) {
      // Each round claims a batch; nothing remains due when a round finds nothing.
    }
  }

  List<Map<String, Object>> notices(String id) {
    return jdbc.sql("""
        select n.kind, n.status, n.delivered_via from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id order by n.id""").param("id", id).query().listOfRows();
  }

  Map<String, Object> letterOf(String id, String kind) {
    Map<String, Object> row = jdbc.sql("""
        select l.id, l.organization, l.mailed_at, l.mailed_by, l.tracking_number from printed_letter l
        join notification_outbox n on n.id = l.notice_id join appeal a on a.id = l.appeal_id
        where a.registration_number = :id and n.kind = :kind""").param("id", id).param("kind", kind)
        .query().singleRow();
    Map<String, Object> lowerCase = new HashMap<>();
    row.forEach((column, value) -> lowerCase.put(column.toLowerCase(), value));
    return lowerCase;
  }

  List<Map<String, Object>> mailTasks(String user, String id) {
    return api.tasks(user, id).stream()
        .filter(task -> PrintedLetters.MAIL_TASK.equals(task.get("taskDefinitionKey"))).toList();
  }

  String formValue(Map<String, Object> task, String name) {
    Map<?, ?> variable = (Map<?, ?>) api.taskVariables("executor", (String) task.get("id")).get(name);
    return variable == null ? null : (String) variable.get("value");
  }

  ResponseEntity<byte[]> download(String user, long letter) {
    return api.as(user).exchange("/api/letters/{id}.pdf", HttpMethod.GET, null, byte[].class, letter);
  }

  static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    return text.toString().replaceAll("\\s+", " ");
  }

  static Map<String, Object> officialComplaint() {
    Map<String, Object> author = new HashMap<>();
    author.put("name", "Анна Сергеевна Ким");
    author.put("postalAddress", ADDRESS);
    return Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Третью неделю не могу попасть к терапевту в поликлинике, запись закрыта",
        "author", author,
        "territory", "berdsk",
        "category", "healthcare");
  }
}
