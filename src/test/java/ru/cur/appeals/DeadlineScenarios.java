package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.cur.appeals.AppealApi.deadline;
import static ru.cur.appeals.AppealApi.due;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.intake.AppealIntake;
import ru.cur.appeals.intake.AppealSubmission;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;

/**
 * The regulation on real dates through the HTTP APIs: the production calendar, DMN appeal-regulation,
 * timers and escalations. The engine clock is moved, never waited for; timers run when a test executes
 * their jobs through the Camunda REST API, as an operator would, so the job executor is off.
 */
abstract class DeadlineScenarios {

  /** The Camunda REST API's date format. */
  private static final DateTimeFormatter ENGINE_REST = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  AppealIntake intake;
  @Autowired
  AppealRepository appeals;
  @Autowired
  Deadlines deadlines;

  AppealApi api;
  AppealRecords records;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void fz59AppealRegisteredOnDecember25IsAnsweredByTheFirstWorkingDayOnOrAfterJanuary24() {
    clockAt("2026-12-25T10:00:00+07:00");

    ResponseEntity<Map<String, Object>> submitted = api.submit(official("healthcare"));

    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    // 30 calendar days end on Sunday 2027-01-24; the answer is due at the end of Monday's working day.
    assertThat(due(submitted.getBody(), "answer")).isEqualTo(Instant.parse("2027-01-25T11:00:00Z"));
    String id = (String) submitted.getBody().get("id");
    assertThat(due(api.appealAs("admin", id), "answer")).isEqualTo(Instant.parse("2027-01-25T11:00:00Z"));
    // Registration (the moderation of a 59-ФЗ appeal) within 3 days: Monday 2026-12-28.
    assertThat(due(api.appealAs("admin", id), "moderation")).isEqualTo(Instant.parse("2026-12-28T11:00:00Z"));
  }

  /** The receipt's deadlines are the ones its registration set, not read back: the appeal keeps the same. */
  @Test
  void theReceiptGivesTheDeadlinesTheAppealKeeps() {
    clockAt("2026-12-25T10:00:00+07:00");

    ResponseEntity<Map<String, Object>> submitted = api.submit(official("healthcare"));

    assertThat(submitted.getBody().get("deadlines")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsOnlyKeys("moderation", "answer")
        .isEqualTo(api.appealAs("admin", (String) submitted.getBody().get("id")).get("deadlines"));
  }

  /**
   * An import registers many appeals in one transaction, each starting its steps: what the transaction gives of
   * each appeal's deadlines is what the table holds at that moment, also once it has marked a step done.
   */
  @Test
  void aTransactionThatRegistersAppealsReadsTheirDeadlinesAsTheTableHoldsThem() {
    clockAt("2026-12-25T10:00:00+07:00");
    String first = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    String second = "IMP-" + UUID.randomUUID().toString().substring(0, 8);

    Map<String, List<List<Object>>> read = transaction.execute(status -> {
      intake.registerImported(imported(), first, null);
      intake.registerImported(imported(), second, null);
      deadlines.done(appeals.getByNumber(first), Step.MODERATION);
      return Map.of(
          "first given", given(first), "first stored", stored(first),
          "second given", given(second), "second stored", stored(second));
    });

    assertThat(read.get("first given")).isEqualTo(read.get("first stored"))
        .extracting(deadline -> deadline.subList(0, 2))
        .containsExactly(List.of("ANSWER", "OPEN"), List.of("MODERATION", "MET"));
    assertThat(read.get("second given")).isEqualTo(read.get("second stored"))
        .extracting(deadline -> deadline.subList(0, 2))
        .containsExactly(List.of("ANSWER", "OPEN"), List.of("MODERATION", "OPEN"));
  }

  /** The steps, states and due times of the appeal's deadlines as {@link Deadlines} gives them. */
  private List<List<Object>> given(String number) {
    return deadlines.of(appeals.getByNumber(number).id()).values().stream()
        .map(deadline -> List.<Object>of(deadline.step().name(), deadline.state().name(), deadline.due().toInstant()))
        .sorted(Comparator.comparing(Object::toString)).toList();
  }

  /** The same read from the table. */
  private List<List<Object>> stored(String number) {
    return jdbc.sql("""
        select d.step, d.state, d.due_at from appeal_deadline d join appeal a on a.id = d.appeal_id
        where a.registration_number = :number""")
        .param("number", number)
        .query((rs, row) -> List.<Object>of(rs.getString("step"), rs.getString("state"),
            rs.getObject("due_at", OffsetDateTime.class).toInstant()))
        .list().stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  private static AppealSubmission imported() {
    return new AppealSubmission("OFFICIAL", "letter-" + UUID.randomUUID(), "Прошу отремонтировать дорогу",
        new AppealSubmission.Author("Анна Ким", "kim@example.ru", null, null, null), "berdsk", null, null, "roads",
        null, OffsetDateTime.parse("2026-12-24T10:00:00+07:00"));
  }

  @Test
  void incidentArrivingOnFridayAt1730IsModeratedByTheNextWorkingDay() {
    clockAt("2026-11-27T17:30:00+07:00");

    String id = api.register(post("roads"));

    Map<String, Object> appeal = api.appealAs("admin", id);
    Instant monday = Instant.parse("2026-11-30T10:30:00Z");
    assertThat(due(appeal, "moderation")).isEqualTo(monday);
    Map<String, Object> task = api.onlyTask("moderator", id, "moderate-appeal");
    assertThat(engineDate(task.get("due"))).isEqualTo(monday);
    // Reminded two working hours before: Monday 15:30.
    assertThat(engineDate(task.get("followUp"))).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
  }

  /**
   * The timers and tasks read a step's dates from the application's deadlines, which keep them; the process keeps
   * no copy. A task entered again in a later transaction — an operator moving the instance back in Cockpit — and a
   * timer whose due date is recalculated find the same dates.
   */
  @Test
  void theDatesOfAStepAreTheRegulationsWhereverTheModelReadsThem() {
    clockAt("2026-11-27T17:30:00+07:00");
    String id = api.register(post("roads"));
    String process = records.processInstanceOf(id);
    Date monday = Date.from(Instant.parse("2026-11-30T10:30:00Z"));
    Date reminder = Date.from(Instant.parse("2026-11-30T08:30:00Z"));
    assertThat(timerDueDates(id)).containsOnly(
        Map.entry("Event_ModerationReminder", reminder), Map.entry("Event_ModerationDeadline", monday));
    assertThat(runtime.getVariables(process)).as("no process variable holds a date of the regulation")
        .doesNotContainKeys("moderationDue", "moderationReminder", "answerDue", "answerReminder");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process).list())
        .extracting(HistoricVariableInstance::getName).doesNotContain("moderationDue", "moderationReminder");

    clockAt("2026-11-28T12:00:00+07:00");
    runtime.createProcessInstanceModification(process)
        .cancelAllForActivity("moderate-appeal").startBeforeActivity("moderate-appeal").execute();

    Task moderation = tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey("moderate-appeal")
        .singleResult();
    assertThat(moderation.getDueDate()).isEqualTo(monday);
    assertThat(moderation.getFollowUpDate()).isEqualTo(reminder);
    assertThat(timerDueDates(id)).containsOnly(
        Map.entry("Event_ModerationReminder", reminder), Map.entry("Event_ModerationDeadline", monday));
    timers(id).forEach(timer -> management.recalculateJobDuedate(timer.getId(), false));
    assertThat(timerDueDates(id)).containsOnly(
        Map.entry("Event_ModerationReminder", reminder), Map.entry("Event_ModerationDeadline", monday));
  }

  @Test
  void supervisorsGetAControlTaskTheMomentTheModerationDeadlinePasses() {
    clockAt("2026-11-27T17:30:00+07:00");
    String id = api.register(post("roads"));
    assertThat(api.tasks("supervisor", id)).extracting(task -> task.get("taskDefinitionKey"))
        .doesNotContain("control-overdue");

    clockAt("2026-11-30T15:30:00+07:00");
    assertThat(runDueTimers(id)).containsExactly("Event_ModerationReminder");
    assertThat(staffReminders(id)).containsExactly("moderators");
    assertThat(api.tasks("supervisor", id)).extracting(task -> task.get("taskDefinitionKey"))
        .doesNotContain("control-overdue");

    clockAt("2026-11-30T17:30:01+07:00");
    assertThat(runDueTimers(id)).containsExactly("Event_ModerationDeadline");

    Map<String, Object> control = api.tasks("supervisor", id).stream()
        .filter(task -> "control-overdue".equals(task.get("taskDefinitionKey"))).findFirst().orElseThrow();
    assertThat(engineDate(control.get("due"))).isEqualTo(Instant.parse("2026-11-30T10:30:00Z"));
    Map<String, Object> card = api.taskVariables("supervisor", (String) control.get("id"));
    assertThat(List.of("overdueStepName", "overdueDue", "registrationNumber"))
        .map(name -> (Object) ((Map<?, ?>) card.get(name)).get("value"))
        .containsExactly("Модерация обращения", "30.11.2026 17:30", id);
    assertThat(api.tasks("moderator", id)).extracting(task -> task.get("taskDefinitionKey"))
        .contains("moderate-appeal");
    assertThat(api.appealAs("manager", id).get("overdue")).isEqualTo(true);
    assertThat(idsOf(api.search("manager", "overdue=true&size=200"))).contains(id);
    assertThat(idsOf(api.search("manager", "overdue=false&size=200"))).doesNotContain(id);
    assertThat(breaches(id)).containsExactly("MODERATION:open");

    clockAt("2026-11-30T18:10:00+07:00");
    api.complete("moderator", id, "moderate-appeal", Map.of("moderation", "NO_SUBSTANCE"));

    assertThat(breaches(id)).containsExactly("MODERATION:done");
    Map<String, Object> moderation = deadline(api.appealAs("manager", id), "moderation");
    assertThat(moderation).containsEntry("state", "LATE").containsEntry("overdue", true);
    assertThat(api.appealAs("manager", id).get("overdue")).isEqualTo(false);
  }

  @Test
  void approvedExtensionMovesTheAnswerDeadlineAndTheOldDeadlineNeverFires() {
    clockAt("2026-11-02T10:00:00+07:00");
    String id = api.register(official("healthcare"));
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    Instant oldDue = due(api.appealAs("admin", id), "answer");
    assertThat(oldDue).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));

    api.complete("executor", id, "prepare-answer", Map.of(
        "extensionRequested", true, "extensionDays", 20, "extensionReason", "Нужна проверка медицинской документации"));
    api.complete("head", id, "approve-extension", Map.of("extensionApproved", "true"));

    Map<String, Object> answer = deadline(api.appealAs("admin", id), "answer");
    // 30 + 20 calendar days from registration: Tuesday 2026-12-22.
    Instant newDue = Instant.parse("2026-12-22T11:00:00Z");
    assertThat(Instant.parse((String) answer.get("due"))).isEqualTo(newDue);
    assertThat(answer).containsEntry("extendedDays", 20);
    assertThat(engineDate(api.onlyTask("executor", id, "prepare-answer").get("due"))).isEqualTo(newDue);
    assertThat(timers(id)).extracting(Job::getDuedate)
        .allSatisfy(dueDate -> assertThat(dueDate.toInstant()).isAfter(oldDue));
    assertThat(records.noticesOf(id)).contains("EXTENDED");

    clockAt("2026-12-03T10:00:00+07:00");
    assertThat(runDueTimers(id)).isEmpty();
    assertThat(api.tasks("supervisor", id)).extracting(task -> task.get("taskDefinitionKey"))
        .doesNotContain("control-overdue");

    clockAt("2026-12-22T18:00:01+07:00");
    assertThat(runDueTimers(id)).containsExactlyInAnyOrder("Event_AnswerReminder", "Event_AnswerDeadline");
    assertThat(breaches(id)).containsExactly("ANSWER:open");
  }

  @Test
  void answerTermIsExtendedOnlyOnce() {
    clockAt("2026-11-02T10:00:00+07:00");
    String id = api.register(official("healthcare"));
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    api.complete("executor", id, "prepare-answer", Map.of(
        "extensionRequested", true, "extensionDays", 10, "extensionReason", "Нужна проверка"));
    api.complete("head", id, "approve-extension", Map.of("extensionApproved", "true"));

    Map<String, Object> task = api.onlyTask("executor", id, "prepare-answer");
    ResponseEntity<String> again = api.submitForm("executor", (String) task.get("id"), Map.of(
        "extensionRequested", true, "extensionDays", 5, "extensionReason", "Ещё не готово"));

    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(again.getBody()).contains("только один раз");
  }

  @Test
  void aNewVersionOfTheRegulationAppliesToNewAppealsWhileRunningAppealsKeepTheirTerms() throws IOException {
    clockAt("2026-11-02T10:00:00+07:00");
    String registeredBefore = api.register(official("healthcare"));
    String table = new ClassPathResource("decisions/appeal-regulation.dmn").getContentAsString(StandardCharsets.UTF_8);
    String twentyDays = table.replaceFirst(
        "(?<head><outputEntry id=\"Rule_Fz59Answer_Term\">\\s*<text>)30(?<tail></text>)", "${head}20${tail}");
    assertThat(twentyDays).as("the 59-ФЗ answer row of the table").isNotEqualTo(table);
    Deployment newVersion = repository.createDeployment().name("process owner's edit")
        .addString("appeal-regulation.dmn", twentyDays).deploy();
    try {
      String registeredAfter = api.register(official("healthcare"));
      // 20 days from 2026-11-02 end on Sunday 2026-11-22: due on Monday.
      assertThat(due(api.appealAs("admin", registeredAfter), "answer")).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));

      // The earlier appeal's answer term is set again at routing, from the version it was given.
      api.complete("moderator", registeredBefore, "moderate-appeal", Map.of(
          "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
      assertThat(due(api.appealAs("admin", registeredBefore), "answer")).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
    } finally {
      repository.deleteDeployment(newVersion.getId(), true);
    }
  }

  @Test
  void fz59AppealWithoutSubstanceGetsItsArticle11NoticeWithinSevenDays() {
    clockAt("2026-11-02T10:00:00+07:00");
    String id = api.register(official("healthcare"));

    clockAt("2026-11-05T10:00:00+07:00");
    api.complete("moderator", id, "moderate-appeal", Map.of("moderation", "NO_SUBSTANCE"));

    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "REJECTED");
    Map<String, Object> notice = deadline(api.appealAs("admin", id), "notice");
    assertThat(notice).containsEntry("state", "MET");
    assertThat(Instant.parse((String) notice.get("due"))).isEqualTo(Instant.parse("2026-11-09T11:00:00Z"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(records.processInstanceOf(id)).list())
        .as("the closing is said in the model's call, not in variables")
        .extracting(HistoricVariableInstance::getName).doesNotContain("outcome", "closingReason", "notice", "step");
  }

  @Test
  void extensionIsRefusedOutsideFz59() {
    clockAt("2026-12-01T10:00:00+07:00");
    String id = api.register(post("roads"));
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));

    Map<String, Object> task = api.onlyTask("executor", id, "prepare-answer");
    ResponseEntity<String> refused = api.submitForm("executor", (String) task.get("id"), Map.of(
        "extensionRequested", true, "extensionDays", 10, "extensionReason", "Нужно время"));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("только для обращений по 59-ФЗ");
    assertThat(api.onlyTask("executor", id, "prepare-answer").get("id")).isEqualTo(task.get("id"));
  }

  @Test
  void withdrawalCancelsPendingTimersAndDeadlines() {
    clockAt("2026-12-01T10:00:00+07:00");
    String id = api.register(post("roads"));
    assertThat(timers(id)).isNotEmpty();

    assertThat(api.withdraw(id).getStatusCode().value()).isEqualTo(200);

    assertThat(timers(id)).isEmpty();
    assertThat(api.appealAs("admin", id).get("deadlines")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .allSatisfy((step, deadline) -> assertThat(((Map<?, ?>) deadline).get("state")).isEqualTo("CANCELLED"));
  }

  private static void clockAt(String localTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime).toInstant()));
  }

  private static Map<String, Object> post(String category) {
    return Map.of(
        "channel", "SOCIAL",
        "externalId", "vk-" + UUID.randomUUID(),
        "text", "Яма на дороге у школы, дети ходят по проезжей части",
        "author", Map.of("name", "Олег Петров", "profileUrl", "https://vk.com/id42"),
        "territory", "berdsk",
        "category", category);
  }

  private static Map<String, Object> official(String category) {
    return Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Прошу разобраться с записью к терапевту в поликлинике Бердска",
        "author", Map.of("name", "Анна Ким", "email", "kim@example.ru"),
        "territory", "berdsk",
        "category", category);
  }



  private static Instant engineDate(Object value) {
    return OffsetDateTime.parse((String) value, ENGINE_REST).toInstant();
  }

  @SuppressWarnings("unchecked")
  private static List<String> idsOf(ResponseEntity<Map<String, Object>> page) {
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(a -> (String) a.get("id")).toList();
  }

  private List<Job> timers(String id) {
    return management.createJobQuery().processInstanceId(records.processInstanceOf(id)).timers().list();
  }

  private Map<String, Date> timerDueDates(String id) {
    return timers(id).stream().collect(Collectors.toMap(timer -> management.createJobDefinitionQuery()
        .jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId(), Job::getDuedate));
  }

  private List<String> runDueTimers(String id) {
    return api.runDueTimers(management, records.processInstanceOf(id));
  }

  private List<String> staffReminders(String id) {
    return records.staffRemindersOf(id);
  }

  private List<String> breaches(String id) {
    return jdbc.sql("""
        select b.step || ':' || case when b.done_at is null then 'open' else 'done' end from deadline_breach b
        join appeal a on a.id = b.appeal_id where a.registration_number = :id order by b.id""")
        .param("id", id).query(String.class).list();
  }

}
