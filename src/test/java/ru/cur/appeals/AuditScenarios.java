package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8 through the HTTP API: an official complaint about the Berdsk polyclinic is moderated, routed, extended,
 * reminded of and escalated when its deadline passes, answered, not confirmed by the resident, taken over by the
 * Ministry of Health and finally confirmed; its audit record tells every step in order, with who did it, and its
 * decisions replay to what was decided then.
 */
abstract class AuditScenarios {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  RepositoryService repository;
  @Autowired
  ProcessEngineConfiguration engine;

  AppealApi api;
  AppealRecords records;
  ResidentLink resident;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
    resident = new ResidentLink(jdbc, rest);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void timelineOfADelegatedExtendedAndEscalatedAppealTellsEveryStepInOrderWithWhoDidIt() {
    String id = delegatedExtendedAndEscalated();

    Map<String, Object> record = audit("auditor", id);
    List<Map<String, Object>> events = events(record);

    assertThat(events).extracting(event -> Instant.parse((String) event.get("time"))).isSorted();
    assertThat(events).extracting(event -> event.get("type"), event -> event.get("actor")).containsSubsequence(
        tuple("APPEAL_REGISTERED", "система"),
        tuple("TASK_CREATED", "система"),
        tuple("TASK_COMPLETED", "moderator"),
        tuple("DECISION_EVALUATED", "система"),
        tuple("TASK_COMPLETED", "executor"),
        tuple("TASK_COMPLETED", "head"),
        tuple("NOTICE", "система"),
        tuple("REMINDER", "система"),
        tuple("ESCALATION", "система"),
        tuple("TASK_CLAIMED", "executor"),
        tuple("TASK_COMPLETED", "executor"),
        tuple("TASK_COMPLETED", "head"),
        tuple("CONFIRMATION_REQUESTED", "система"),
        tuple("RESIDENT_ANSWERED", "заявитель"),
        tuple("DELEGATION", "система"),
        tuple("TASK_COMPLETED", "ministry"),
        tuple("TASK_COMPLETED", "minzdrav-head"),
        tuple("RESIDENT_ANSWERED", "заявитель"),
        tuple("APPEAL_CLOSED", "система"));
    assertThat(first(events, "TASK_CREATED", "moderate-appeal").get("activityId")).isEqualTo("moderate-appeal");
    assertThat(details(first(events, "ESCALATION", null))).containsEntry("step", "ANSWER")
        .containsEntry("missedBy", "berdsk-polyclinic");
    assertThat(details(first(events, "DECISION_EVALUATED", "appeal-routing")))
        .containsKeys("version", "outputs").containsEntry("matchedRules", "Rule_CombineRouting");
    assertThat(details(first(events, "DECISION_EVALUATED", "routing-organization")).get("inputs"))
        .contains("healthcare.appointment", "berdsk");
    assertThat(events).filteredOn(event -> "VARIABLE_CHANGED".equals(event.get("type"))
            && "organization".equals(details(event).get("variable"))
            && "minzdrav-nso".equals(details(event).get("newValue")))
        .singleElement().satisfies(change -> assertThat(details(change)).containsEntry("oldValue", "berdsk-polyclinic"));
    assertThat(events).as("what the model tells its own tasks (the steps a reminder or closing is about, the closing's"
            + " outcome) is said in their calls, not written as variables of the appeal")
        .filteredOn(event -> "VARIABLE_CHANGED".equals(event.get("type")))
        .extracting(event -> details(event).get("variable")).isNotEmpty()
        .doesNotContain("steps", "step", "outcome", "closingReason", "notice");
    assertThat(events).filteredOn(event -> "TASK_COMPLETED".equals(event.get("type"))
            && "ministry".equals(event.get("actor")))
        .singleElement().satisfies(task -> assertThat(task.get("level")).isEqualTo(2));
    assertThat(events).filteredOn(event -> "TASK_COMPLETED".equals(event.get("type"))
            && "moderator".equals(event.get("actor")))
        .singleElement().satisfies(task -> assertThat(task.get("level")).isNull());
    assertThat(events).filteredOn(event -> "USER_OPERATION".equals(event.get("type")))
        .extracting(event -> details(event).get("operation")).contains("Claim", "Complete");
    assertThat(events).allSatisfy(event -> assertThat(event).containsKeys("time", "type", "typeName", "actor", "details"));
    assertThat(deadlines(record)).anySatisfy(deadline -> assertThat(deadline)
        .containsEntry("step", "MODERATION").containsEntry("state", "MET"));
    assertThat(processes(record)).extracting(process -> process.get("key")).contains("citizen-appeal");
  }

  @Test
  void everyDecisionReplaysToWhatWasDecidedAndTheRoutingToTheSameOrganisation() {
    String id = delegatedExtendedAndEscalated();

    ResponseEntity<List<Map<String, Object>>> response = api.as("auditor")
        .exchange("/api/appeals/{id}/audit/decisions", HttpMethod.GET, null, AppealApi.LIST, id);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> decisions = response.getBody();
    assertThat(decisions).extracting(decision -> decision.get("decisionKey"))
        .contains("appeal-routing", "appeal-delegation", "answer-approval");
    assertThat(decisions).allSatisfy(decision -> assertThat(decision)
        .containsEntry("consistent", true).containsEntry("latestAgrees", true));
    Map<String, Object> routing = decisions.stream().filter(decision -> "appeal-routing".equals(decision.get("decisionKey")))
        .findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> replayed = (Map<String, Map<String, Object>>)
        ((Map<String, Object>) routing.get("versionUsed")).get("decisions");
    assertThat(replayed.get("appeal-routing").get("outputs").toString()).contains("organization=berdsk-polyclinic");
    assertThat(replayed.get("routing-organization").get("rules")).asList().hasSize(1);
    assertThat(routing.get("inputs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("category", "healthcare.appointment").containsEntry("territory", "berdsk");
    assertThat(routing.get("tables")).asList().hasSize(3);
  }

  @Test
  void aDecisionWhoseRecordNoLongerReplaysIsFlaggedAndTodaysRulesAreShown() throws Exception {
    clockAt("2026-11-02T10:00:00+07:00");
    String id = api.register(official());
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    String table = new ClassPathResource("decisions/appeal-routing.dmn").getContentAsString(StandardCharsets.UTF_8);
    String everythingToTheGovernment = table.replaceFirst(
        "(?<head><outputEntry id=\"Rule_CombineRouting_Organization\">\\s*<text>)organization(?<tail></text>)",
        "${head}\"nso-government\"${tail}");
    assertThat(everythingToTheGovernment).isNotEqualTo(table);
    Deployment newVersion = repository.createDeployment().name("process owner's edit")
        .addString("appeal-routing.dmn", everythingToTheGovernment).deploy();
    try {
      Map<String, Object> routing = routingReplayOf(id);
      assertThat(routing).containsEntry("consistent", true).containsEntry("latestAgrees", false);
      assertThat(((Map<?, ?>) routing.get("latest")).get("decisions").toString()).contains("organization=nso-government");

      // Someone edits the recorded outcome in the engine's tables: the replay no longer matches the record.
      jdbc.sql("""
          update act_hi_dec_out set text_ = 'iskitim-polyclinic' where dec_inst_id_ in (
            select id_ from act_hi_decinst where proc_inst_id_ = :process and dec_def_key_ = 'routing-organization')""")
          .param("process", records.processInstanceOf(id)).update();
      assertThat(routingReplayOf(id)).containsEntry("consistent", false);
    } finally {
      repository.deleteDeployment(newVersion.getId(), true);
    }
  }

  private Map<String, Object> routingReplayOf(String id) {
    ResponseEntity<List<Map<String, Object>>> response = api.as("auditor")
        .exchange("/api/appeals/{id}/audit/decisions", HttpMethod.GET, null, AppealApi.LIST, id);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().stream().filter(decision -> "appeal-routing".equals(decision.get("decisionKey")))
        .findFirst().orElseThrow();
  }

  @Test
  void exportsRoundTripAndThePdfReportIsReadable() throws Exception {
    String id = delegatedExtendedAndEscalated();
    List<Map<String, Object>> events = events(audit("auditor", id));

    ResponseEntity<Map<String, Object>> json = api.as("auditor")
        .exchange("/api/appeals/{id}/audit/export.json", HttpMethod.GET, null, AppealApi.OBJECT, id);
    assertThat(json.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(events(json.getBody())).isEqualTo(events);

    ResponseEntity<String> csv = api.as("auditor").getForEntity("/api/appeals/{id}/audit/export.csv", String.class, id);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<List<String>> rows = parseCsv(csv.getBody().substring(1));
    assertThat(rows.get(0)).containsExactly("time", "type", "typeName", "actor", "level", "processInstanceId",
        "processDefinitionId", "activityId", "summary", "details");
    ObjectMapper mapper = new ObjectMapper();
    List<Map<String, Object>> fromCsv = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("time", row.get(0));
      event.put("type", row.get(1));
      event.put("actor", row.get(3));
      event.put("level", row.get(4).isEmpty() ? null : Integer.valueOf(row.get(4)));
      event.put("processInstanceId", row.get(5).isEmpty() ? null : row.get(5));
      event.put("activityId", row.get(7).isEmpty() ? null : row.get(7));
      event.put("summary", row.get(8));
      event.put("details", mapper.readValue(row.get(9), Map.class));
      fromCsv.add(event);
    }
    assertThat(fromCsv).isEqualTo(events.stream().map(event -> {
      Map<String, Object> same = new LinkedHashMap<>();
      for (String column : List.of("time", "type", "actor", "level", "processInstanceId", "activityId", "summary", "details")) {
        same.put(column, event.get(column));
      }
      return same;
    }).toList());

    ResponseEntity<byte[]> pdf = api.as("manager").getForEntity("/api/appeals/{id}/audit/export.pdf", byte[].class, id);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    // For a person to read after the build.
    Files.write(Files.createDirectories(Path.of("target", "audit")).resolve(getClass().getSimpleName() + "-report.pdf"),
        pdf.getBody());
    PdfReader reader = new PdfReader(pdf.getBody());
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    assertThat(text.toString()).contains("Журнал рассмотрения обращения " + id, "Сроки", "Хронология", "совпадает",
        "персональные данные заявителя скрыты").doesNotContain("Анна Сергеевна Ким");

    assertThat(jdbc.sql("select read_by, what, masked from audit_read where registration_number = :id order by id")
        .param("id", id).query((rs, row) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBoolean(3)).list())
        .containsSubsequence("auditor:TIMELINE:false", "auditor:JSON:false", "auditor:CSV:false", "manager:PDF:true");
  }

  @Test
  void anUnknownAppealIsNotFoundAndDiagramsAreOnlyThoseTheAppealRanOn() {
    String id = api.register(official());
    assertThat(api.as("auditor").getForEntity("/api/appeals/{id}/audit", String.class, "ЦУР-1999-000001")
        .getStatusCode().value()).isEqualTo(404);
    Map<String, Object> process = processes(audit("auditor", id)).get(0);

    ResponseEntity<String> diagram = api.as("auditor").getForEntity("/api/appeals/{id}/audit/diagrams/{definition}",
        String.class, id, process.get("definitionId"));
    assertThat(diagram.getStatusCode().value()).isEqualTo(200);
    assertThat(diagram.getBody()).contains("bpmndi:BPMNDiagram", "citizen-appeal");
    String letters = repository.createProcessDefinitionQuery().processDefinitionKey("postal-letter").latestVersion()
        .singleResult().getId();
    assertThat(api.as("auditor").getForEntity("/api/appeals/{id}/audit/diagrams/{definition}", String.class, id, letters)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void everyModelKeepsItsHistoryFiveYearsAndTheEngineCleansItUpAtNight() {
    List<String> models = List.of("citizen-appeal", "appeal-problem", "postal-letter", "appeal-regulation",
        "appeal-routing", "routing-organization", "routing-response-type", "appeal-delegation", "answer-approval");
    assertThat(repository.createProcessDefinitionQuery().list()).filteredOn(model -> models.contains(model.getKey()))
        .hasSize(3).extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(1825);
    assertThat(repository.createDecisionDefinitionQuery().list()).filteredOn(model -> models.contains(model.getKey()))
        .hasSizeGreaterThanOrEqualTo(6).extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(1825);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine;
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    // 01:00–05:00 of Novosibirsk, in the zone of the JVM the engine reads its window in.
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo(nightInThisJvm(1));
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo(nightInThisJvm(5));
  }

  /**
   * The whole story: moderation, routing to the Berdsk polyclinic, a 59-ФЗ extension, the reminder and the missed
   * deadline escalated to the supervisors, the polyclinic's answer approved by its head, the resident's «не решена»,
   * the Ministry of Health's answer approved by its head, and the resident's confirmation.
   */
  private String delegatedExtendedAndEscalated() {
    clockAt("2026-11-02T10:00:00+07:00");
    String id = api.register(official());
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    assertThat(api.appealAs("auditor", id)).containsEntry("organization", "berdsk-polyclinic");

    clockAt("2026-11-10T11:00:00+07:00");
    api.complete("executor", id, "prepare-answer", Map.of(
        "extensionRequested", true, "extensionDays", 20, "extensionReason", "Нужна проверка медицинской документации"));
    api.complete("head", id, "approve-extension", Map.of("extensionApproved", "true"));

    Job reminder = timer(id, "Event_AnswerReminder");
    ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
    assertThat(runDueTimers(id)).containsExactly("Event_AnswerReminder");
    clockAt("2026-12-22T18:00:01+07:00");
    assertThat(runDueTimers(id)).containsExactly("Event_AnswerDeadline");

    clockAt("2026-12-23T10:00:00+07:00");
    Map<String, Object> task = api.onlyTask("executor", id, "prepare-answer");
    ResponseEntity<String> claimed = api.as("executor").exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("userId", "executor")), String.class, task.get("id"));
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    api.complete("executor", id, "prepare-answer",
        Map.of("answerText", "Вас записали к терапевту на 25 декабря, 10:00", "problemSolved", true));
    api.complete("head", id, "approve-answer", Map.of("approved", true));

    clockAt("2026-12-24T09:00:00+07:00");
    resident.answer(id, false, "Запись снова отменили");
    assertThat(api.appealAs("auditor", id)).containsEntry("organization", "minzdrav-nso");

    clockAt("2026-12-25T12:00:00+07:00");
    api.complete("ministry", id, "prepare-answer",
        Map.of("answerText", "Министерство направило терапевта, приём 28 декабря", "problemSolved", true));
    // The ministry's heads have no demo user: its head approves through the engine, as Tasklist would.
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("approve-answer").singleResult();
    tasks.claim(approval.getId(), "minzdrav-head");
    tasks.complete(approval.getId(), Map.of("approved", true));

    clockAt("2026-12-26T09:00:00+07:00");
    resident.answer(id, true, "Спасибо, приняли");
    assertThat(api.appealAs("auditor", id)).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED");
    return id;
  }

  static Map<String, Object> official() {
    return Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Прошу разобраться: третью неделю не могу записаться к терапевту в поликлинике Бердска",
        "author", Map.of("name", "Анна Сергеевна Ким", "email", "kim@example.ru", "phone", "+7 913 000-00-01"),
        "territory", "berdsk",
        "category", "healthcare");
  }

  Map<String, Object> audit(String user, String id) {
    ResponseEntity<Map<String, Object>> response = api.as(user)
        .exchange("/api/appeals/{id}/audit", HttpMethod.GET, null, AppealApi.OBJECT, id);
    assertThat(response.getStatusCode().value()).as("audit of %s as %s", id, user).isEqualTo(200);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> events(Map<String, Object> record) {
    return (List<Map<String, Object>>) record.get("events");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> deadlines(Map<String, Object> record) {
    return (List<Map<String, Object>>) record.get("deadlines");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> processes(Map<String, Object> record) {
    return (List<Map<String, Object>>) record.get("processes");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> details(Map<String, Object> event) {
    return (Map<String, String>) event.get("details");
  }

  /** The first event of a type, about the given task or decision when one is named. */
  private static Map<String, Object> first(List<Map<String, Object>> events, String type, String about) {
    return events.stream().filter(event -> type.equals(event.get("type")))
        .filter(event -> about == null || about.equals(details(event).get("task"))
            || about.equals(details(event).get("decision")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + about + " in " + events));
  }

  private static void clockAt(String localTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime).toInstant()));
  }

  private Job timer(String id, String event) {
    return management.createJobQuery().processInstanceId(records.processInstanceOf(id)).timers().list().stream()
        .filter(job -> event.equals(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId()))
        .findFirst().orElseThrow(() -> new AssertionError("no timer " + event + " for " + id));
  }

  private List<String> runDueTimers(String id) {
    return api.runDueTimers(management, records.processInstanceOf(id));
  }

  /** RFC 4180 with {@code ;}: quoted fields, doubled quotes, CRLF between records. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    return rows;
  }

  private static String nightInThisJvm(int hour) {
    return ZonedDateTime.now(ZoneId.of("Asia/Novosibirsk")).withHour(hour).withMinute(0).withSecond(0).withNano(0)
        .withZoneSameInstant(ZoneId.systemDefault()).toLocalTime().toString();
  }
}
