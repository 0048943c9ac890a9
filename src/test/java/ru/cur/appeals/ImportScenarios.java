package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.cur.appeals.AppealApi.deadline;
import static ru.cur.appeals.AppealApi.due;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing appeals registered in another registry (issue 6): a CSV file in, one appeal and one process
 * instance per valid row under the registry's own number and date, every other row reported with its row,
 * column and reason; a second import of the same file changes nothing; an appeal registered long ago is
 * overdue from the moment it arrives. The file is the example of the README
 * ({@code src/test/resources/import/registered-appeals.csv}), its numbers made unique for each scenario.
 */
abstract class ImportScenarios {

  /** Friday 20 November 2026, 10:00 in Novosibirsk. */
  private static final String NOW = "2026-11-20T10:00:00+07:00";
  private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> EXAMPLE_NUMBERS = List.of(
      "ОГ-2026-00101", "ОГ-2026-00102", "ГУБ-2026-0503", "МУН-2026-077");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  AppealApi api;
  AppealRecords records;
  /** Makes the example's numbers this scenario's own: the database outlives a scenario. */
  String run;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
    run = UUID.randomUUID().toString().substring(0, 8);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(NOW).toInstant()));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void validRowsBecomeAppealsUnderTheirOwnNumbersAndInvalidRowsAreReportedWithRowColumnAndReason() throws IOException {
    ResponseEntity<Map<String, Object>> accepted = importFile("moderator", exampleFile());

    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    URI location = accepted.getHeaders().getLocation();
    assertThat(location).hasToString("/api/appeals/import/" + accepted.getBody().get("id"));
    Map<String, Object> report = finished("moderator", location);
    assertThat(report).containsEntry("state", "COMPLETED").containsEntry("createdBy", "moderator")
        .containsEntry("progress", 100).containsEntry("rowsProcessed", 9)
        .containsEntry("imported", 4).containsEntry("alreadyPresent", 1).containsEntry("rejected", 4)
        .containsEntry("errorsOmitted", 0);
    assertThat(errors(report)).containsExactly(
        "6/7 " + number("ОГ-2026-00103") + " name: is required for a 59-ФЗ appeal (channel OFFICIAL)",
        "7/8 " + number("ОГ-2026-00104") + " registration_date: '31.11.2026' is not a date; write 03.11.2025, "
            + "03.11.2025 14:30 or 2025-11-03",
        "8/9 " + number("ОГ-2026-00105") + " email, postal_address: a 59-ФЗ appeal needs email or postal_address "
            + "for the answer",
        "9/10 " + number("ОГ-2026-00106") + " channel: 'SOCIAL' is not a channel of official appeals; one of OFFICIAL, "
            + "GOVERNOR, MUNICIPAL, or empty for OFFICIAL",
        "9/10 " + number("ОГ-2026-00106") + " email: is not an e-mail address",
        "9/10 " + number("ОГ-2026-00106") + " territory: unknown territory 'mars'; use a code from "
            + "GET /api/reference/territories");
    assertThat(present(report)).containsExactly(
        "10/11 " + number("ОГ-2026-00101") + ": repeats the registration number of row 2 of this file");

    String letter = number("ОГ-2026-00101");
    Map<String, Object> appeal = api.appealAs("moderator", letter);
    assertThat(appeal).containsEntry("status", "MODERATION").containsEntry("channel", "OFFICIAL")
        .containsEntry("categoryHint", "healthcare.appointment").containsEntry("territory", "berdsk")
        .containsEntry("text", "Третью неделю не могу попасть к терапевту; запись закрыта.\nПрошу разобраться.");
    // 16.11.2026 is the start of that day in Novosibirsk.
    assertThat(Instant.parse((String) appeal.get("registeredAt"))).isEqualTo(Instant.parse("2026-11-15T17:00:00Z"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(letter).singleResult().getId())
        .isEqualTo(appeal.get("processInstanceId"));
    assertThat(api.onlyTask("moderator", letter, "moderate-appeal")).isNotNull();
    // The resident learned the number from the registry that registered the letter.
    assertThat(records.noticesOf(letter)).isEmpty();

    Map<String, Object> withTime = api.appealAs("moderator", number("ОГ-2026-00102"));
    assertThat(Instant.parse((String) withTime.get("registeredAt"))).isEqualTo(Instant.parse("2026-11-17T07:30:00Z"));
    assertThat(withTime).containsEntry("channel", "OFFICIAL").containsEntry("text", "Во дворе дома \"Ленина, 1\" вторую неделю не вывозят мусор");
    // 59-ФЗ art. 12: 30 days from the registration, to the end of that working day.
    assertThat(due(withTime, "answer")).isEqualTo(Instant.parse("2026-12-17T11:00:00Z"));
    assertThat(api.appealAs("moderator", number("ГУБ-2026-0503"))).containsEntry("channel", "GOVERNOR");
  }

  @Test
  void importingTheSameFileAgainChangesNothing() throws IOException {
    byte[] file = exampleFile();
    Map<String, Object> first = finished("moderator", importFile("moderator", file).getHeaders().getLocation());
    assertThat(first).containsEntry("imported", 4);
    List<Map<String, Object>> appealsBefore = importedAppeals();
    long instancesBefore = processInstances();
    long tasksBefore = moderationTasks();

    Map<String, Object> again = finished("admin", importFile("admin", file).getHeaders().getLocation());

    assertThat(again).containsEntry("state", "COMPLETED").containsEntry("imported", 0)
        .containsEntry("alreadyPresent", 5).containsEntry("rejected", 4);
    assertThat(present(again)).containsExactly(
        "2/2 " + number("ОГ-2026-00101") + ": is already in the registry; the appeal was left as it is",
        "3/4 " + number("ОГ-2026-00102") + ": is already in the registry; the appeal was left as it is",
        "4/5 " + number("ГУБ-2026-0503") + ": is already in the registry; the appeal was left as it is",
        "5/6 " + number("МУН-2026-077") + ": is already in the registry; the appeal was left as it is",
        "10/11 " + number("ОГ-2026-00101") + ": is already in the registry; the appeal was left as it is");
    assertThat(errors(again)).isEqualTo(errors(first));
    assertThat(importedAppeals()).isEqualTo(appealsBefore);
    assertThat(processInstances()).isEqualTo(instancesBefore).isEqualTo(4);
    assertThat(moderationTasks()).isEqualTo(tasksBefore).isEqualTo(4);
  }

  @Test
  void appealRegisteredLongAgoIsOverdueFromItsImportWhileItsModerationCountsFromTheImport() throws IOException {
    // A comma-separated file without byte order mark, as other tools write it.
    String id = "МУН-" + run + "-077";
    Map<String, Object> report = finished("moderator", importFile("moderator", ("""
        registration_number,registration_date,name,email,text,territory,category,channel
        %s,01.09.2026,Елена Викторовна Воронова,voronova@example.ru,"Просим отремонтировать дорогу, ул. Лесная",\
        berdsk,roads.potholes,MUNICIPAL
        """).formatted(id).getBytes(StandardCharsets.UTF_8)).getHeaders().getLocation());
    assertThat(report).containsEntry("imported", 1);

    Map<String, Object> appeal = api.appealAs("manager", id);
    // Registered on Tuesday 1 September: 30 days end on Thursday 1 October at 18:00, seven weeks ago.
    assertThat(due(appeal, "answer")).isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));
    assertThat(deadline(appeal, "answer")).containsEntry("state", "OPEN").containsEntry("overdue", true);
    assertThat(appeal).containsEntry("overdue", true);
    assertThat(idsOf(api.search("manager", "overdue=true&size=200"))).contains(id);
    // The appeal center reads it within 3 days of its arrival, not of a registration it did not do.
    assertThat(due(appeal, "moderation")).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    assertThat(deadline(appeal, "moderation")).containsEntry("overdue", false);
    assertThat(runDueTimers(id)).isEmpty();

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));

    // The answer's timers are set for the passed deadline: the escalation reaches the supervisors at once.
    assertThat(runDueTimers(id)).containsExactlyInAnyOrder("Event_AnswerReminder", "Event_AnswerDeadline");
    assertThat(api.tasks("supervisor", id)).extracting(task -> task.get("taskDefinitionKey"))
        .contains("control-overdue");
    assertThat(jdbc.sql("""
        select b.step from deadline_breach b join appeal a on a.id = b.appeal_id where a.registration_number = :id""")
        .param("id", id).query(String.class).list()).containsExactly("ANSWER");
    assertThat(staffReminders(id)).isEmpty();
  }

  @Test
  void appealRegisteredInAYearWithoutProductionCalendarIsRejected() throws IOException {
    Map<String, Object> report = finished("moderator", importFile("moderator", ("""
        registration_number;registration_date;name;email;text
        ОГ-%s-1;15.12.2024;Анна Ким;kim@example.ru;Обращение 2024 года
        """).formatted(run).getBytes(StandardCharsets.UTF_8)).getHeaders().getLocation());

    assertThat(report).containsEntry("imported", 0).containsEntry("rejected", 1);
    assertThat(errors(report)).singleElement().asString()
        .startsWith("2/2 ОГ-" + run + "-1 registration_date: lies in 2024, a year without a production calendar");
  }

  @Test
  void onlyTheRegistryClerksAndAdministratorsImport() throws IOException {
    byte[] file = ("registration_number;registration_date;name;email;text\nОГ-" + run + "-1;03.11.2026;Анна Ким;"
        + "kim@example.ru;Текст\n").getBytes(StandardCharsets.UTF_8);
    for (String user : List.of("intake", "executor", "manager", "supervisor", "auditor", "owner")) {
      ResponseEntity<Map<String, Object>> refused = importFile(user, file);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rest.exchange("/api/appeals/import", HttpMethod.POST, csv(file), String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(api.appeal("moderator", "ОГ-" + run + "-1").getStatusCode().value()).isEqualTo(404);

    URI location = importFile("admin", file).getHeaders().getLocation();
    assertThat(finished("admin", location)).containsEntry("imported", 1);
    assertThat(api.as("intake").exchange(location, HttpMethod.GET, null, AppealApi.OBJECT).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.as("moderator").exchange("/api/appeals/import/{id}", HttpMethod.GET, null, AppealApi.OBJECT,
        UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void fileWithAWrongHeaderOrNotInUtf8IsRefusedBeforeAnythingIsStored() {
    long importsBefore = jdbc.sql("select count(*) from appeal_import").query(Long.class).single();

    ResponseEntity<Map<String, Object>> wrongHeader = importFile("moderator",
        "number;registration_date;name;emial;text\n1;03.11.2026;Анна;a@b.ru;Текст\n".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongHeader.getStatusCode().value()).isEqualTo(400);
    assertThat(violations(wrongHeader)).containsExactly(
        "number: is not a column of the import; the columns are registration_number, registration_date, name, email, "
            + "phone, postal_address, text, territory, category, address, channel",
        "emial: is not a column of the import; the columns are registration_number, registration_date, name, email, "
            + "phone, postal_address, text, territory, category, address, channel",
        "registration_number: is a required column and missing from the header");

    ResponseEntity<Map<String, Object>> windows1251 = importFile("moderator",
        "registration_number;registration_date;name;email;text\nОГ-1;03.11.2026;Анна Ким;kim@example.ru;Текст\n"
            .getBytes(Charset.forName("windows-1251")));
    assertThat(windows1251.getStatusCode().value()).isEqualTo(400);
    assertThat(violations(windows1251)).singleElement().asString()
        .startsWith("file: is not in UTF-8 (line 2); save it from Excel as «CSV UTF-8");

    ResponseEntity<Map<String, Object>> empty = importFile("moderator", new byte[0]);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from appeal_import").query(Long.class).single()).isEqualTo(importsBefore);
  }

  private byte[] exampleFile() throws IOException {
    String example = new ClassPathResource("import/registered-appeals.csv").getContentAsString(StandardCharsets.UTF_8);
    return example.replaceAll("(ОГ|ГУБ|МУН)-2026-", "$1-" + run + "-").getBytes(StandardCharsets.UTF_8);
  }

  private String number(String exampleNumber) {
    return exampleNumber.replace("-2026-", "-" + run + "-");
  }

  private ResponseEntity<Map<String, Object>> importFile(String user, byte[] file) {
    return api.as(user).exchange("/api/appeals/import", HttpMethod.POST, csv(file), AppealApi.OBJECT);
  }

  private static HttpEntity<byte[]> csv(byte[] file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return new HttpEntity<>(file, headers);
  }

  /** The report once the job has finished; the job runs on its own thread, so the test waits for it. */
  private Map<String, Object> finished(String user, URI location) {
    Instant giveUp = Instant.now().plus(IMPORT_TIMEOUT);
    while (true) {
      ResponseEntity<Map<String, Object>> report = api.as(user).exchange(location, HttpMethod.GET, null, AppealApi.OBJECT);
      assertThat(report.getStatusCode().value()).isEqualTo(200);
      if (!"RUNNING".equals(report.getBody().get("state"))) {
        return report.getBody();
      }
      if (Instant.now().isAfter(giveUp)) {
        fail("import %s still running after %s: %s", location, IMPORT_TIMEOUT, report.getBody());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> errors(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("errors")).stream()
        .map(e -> e.get("row") + "/" + e.get("line") + " " + e.get("registrationNumber") + " " + e.get("field") + ": "
            + e.get("reason"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> present(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("alreadyPresentRows")).stream()
        .map(p -> p.get("row") + "/" + p.get("line") + " " + p.get("registrationNumber") + ": " + p.get("reason"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(ResponseEntity<Map<String, Object>> problem) {
    return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
        .map(e -> e.get("field") + ": " + e.get("message")).toList();
  }

  private List<String> exampleNumbers() {
    return EXAMPLE_NUMBERS.stream().map(this::number).toList();
  }

  private List<Map<String, Object>> importedAppeals() {
    return jdbc.sql("""
        select registration_number, status, registered_at, updated_at, process_instance_id, import_id from appeal
        where registration_number in (:numbers) order by registration_number""")
        .param("numbers", exampleNumbers()).query().listOfRows();
  }

  private long processInstances() {
    return exampleNumbers().stream()
        .mapToLong(number -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).sum();
  }

  private long moderationTasks() {
    return exampleNumbers().stream().mapToLong(number -> api.tasks("moderator", number).size()).sum();
  }



  @SuppressWarnings("unchecked")
  private static List<String> idsOf(ResponseEntity<Map<String, Object>> page) {
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(a -> (String) a.get("id")).toList();
  }

  private List<String> runDueTimers(String id) {
    return api.runDueTimers(management, records.processInstanceOf(id));
  }

  private List<String> staffReminders(String id) {
    return records.staffRemindersOf(id);
  }
}
