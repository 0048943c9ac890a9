package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * The resident's personal link on a delegation chain, through the HTTP API as the resident's page calls it
 * (without login). The process side is a small stand-in model with the contract of {@code citizen-appeal}:
 * it calls {@code requestConfirmation}, then waits for message {@code ResidentConfirmation} or its timer on
 * {@code ${deadline.due(execution, 'CONFIRMATION')}}. Timers run when a test executes them, so the job executor is off.
 */
abstract class ConfirmationScenarios {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  private static final TypeReference<Map<String, Object>> NOTICE = new TypeReference<>() {};
  private static final String PROCESS = "confirmation-contract";
  private static final String POLYCLINIC_ANSWER = "Запись к терапевту открыта, вас записали на 10 ноября";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  AppealRepository appeals;
  @Autowired
  ObjectMapper json;

  AppealApi api;
  Deployment contract;

  @BeforeEach
  void deployTheProcessContract() {
    api = new AppealApi(rest);
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
        .name("Подтверждение заявителем (контракт)")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Start")
        .serviceTask("Task_RequestConfirmation").name("Запросить подтверждение заявителя")
          .camundaDelegateExpression("${requestConfirmation}")
        .eventBasedGateway().id("Gateway_ResidentAnswer").name("Ответ заявителя?")
          .intermediateCatchEvent("Event_ResidentConfirmation").message("ResidentConfirmation")
          .endEvent("Event_Answered")
        .moveToNode("Gateway_ResidentAnswer")
          .intermediateCatchEvent("Event_WindowOver").timerWithDate("${deadline.due(execution, 'CONFIRMATION')}")
          .endEvent("Event_Silent")
        .done();
    contract = repository.createDeployment().name("confirmation contract")
        .addModelInstance(PROCESS + ".bpmn", model).deploy();
    clockAt("2026-11-02T10:00:00+07:00");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteDeployment(contract.getId(), true);
  }

  @Test
  void residentConfirmsThroughThePersonalLinkAndTheProcessHearsIt() {
    String id = polyclinicAnswered();
    String process = askForConfirmation(id, 1);

    Map<String, Object> notice = lastNotice(id);
    assertThat(notice).containsEntry("registrationNumber", id)
        .containsEntry("organizationName", "ГБУЗ НСО «Бердская центральная городская больница», поликлиника")
        .containsEntry("answer", POLYCLINIC_ANSWER)
        // Five calendar days end on Saturday 7 November: the window closes on Monday.
        .containsEntry("due", "09.11.2026");
    String token = tokenOf(notice);
    assertThat((String) notice.get("link")).isEqualTo("http://localhost:8080/confirm/" + token);
    assertThat(jdbc.sql("select count(*) from confirmation_request where token_hash = :token")
        .param("token", token).query(Long.class).single()).as("the token itself is never stored").isZero();
    assertThat(management.createJobQuery().processInstanceId(process).timers().singleResult().getDuedate())
        .as("the window's timer").isEqualTo(Date.from(Instant.parse("2026-11-09T11:00:00Z")));
    assertThat(runtime.getVariable(process, "confirmationDue")).as("the deadline is the application's, not a variable")
        .isNull();

    ResponseEntity<Map<String, Object>> link = read(token);
    assertThat(link.getStatusCode().value()).isEqualTo(200);
    assertThat(link.getBody()).containsOnlyKeys("registrationNumber", "organizationName", "answer", "due", "state")
        .containsEntry("registrationNumber", id).containsEntry("answer", POLYCLINIC_ANSWER)
        .containsEntry("state", "OPEN");
    assertThat(Instant.parse((String) link.getBody().get("due"))).isEqualTo(Instant.parse("2026-11-09T11:00:00Z"));
    // The page shows the hour where the resident lives, the region's.
    assertThat((String) link.getBody().get("due")).isEqualTo("2026-11-09T18:00:00+07:00");

    clockAt("2026-11-05T12:00:00+07:00");
    ResponseEntity<Map<String, Object>> answered = answer(token, Map.of("resolved", true, "comment", "  Приняли, спасибо "));

    assertThat(answered.getStatusCode().value()).isEqualTo(200);
    assertThat(answered.getBody()).isEqualTo(Map.of("registrationNumber", id, "resolved", true, "state", "ANSWERED"));
    assertThat(passed(process)).contains("Event_ResidentConfirmation", "Event_Answered").doesNotContain("Event_WindowOver");
    assertThat(variable(process, "resolved")).isEqualTo(true);
    assertThat(variable(process, "residentComment")).isEqualTo("Приняли, спасибо");
    assertThat(api.appealAs("admin", id)).extractingByKey("deadlines").asInstanceOf(InstanceOfAssertFactories.MAP)
        .extractingByKey("confirmation").asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("state", "MET");
    assertThat(read(token).getBody()).containsEntry("state", "ANSWERED").containsEntry("resolved", true);
  }

  @Test
  void theFirstAnswerStandsAndTheLinkTakesNoOther() {
    String id = polyclinicAnswered();
    String process = askForConfirmation(id, 1);
    String token = tokenOf(lastNotice(id));
    assertThat(answer(token, Map.of("resolved", false, "comment", "Записи так и нет")).getStatusCode().value())
        .isEqualTo(200);

    ResponseEntity<Map<String, Object>> again = answer(token, Map.of("resolved", true));

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) again.getBody().get("detail")).startsWith("Вы уже ответили");
    assertThat(jdbc.sql("select resolved, comment from confirmation_request where appeal_id = :id")
        .param("id", appeals.getByNumber(id).id())
        .query((rs, row) -> rs.getBoolean("resolved") + " " + rs.getString("comment")).single())
        .isEqualTo("false Записи так и нет");
    assertThat(variable(process, "resolved")).isEqualTo(false);
    assertThat(read(token).getBody()).containsEntry("state", "ANSWERED").containsEntry("resolved", false);
  }

  @Test
  void aForgedLinkIsInvalid() {
    String id = polyclinicAnswered();
    String process = askForConfirmation(id, 1);
    String forged = UUID.randomUUID().toString();

    ResponseEntity<Map<String, Object>> read = read(forged);
    ResponseEntity<Map<String, Object>> answered = answer(forged, Map.of("resolved", true));

    for (ResponseEntity<Map<String, Object>> response : List.of(read, answered)) {
      assertThat(response.getStatusCode().value()).isEqualTo(404);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) response.getBody().get("detail")).startsWith("Ссылка недействительна");
    }
    assertThat(passed(process)).doesNotContain("Event_ResidentConfirmation");
  }

  @Test
  void afterTheWindowTheProcessGoesOnWithoutTheResidentAndTheLinkIsOver() {
    String id = polyclinicAnswered();
    String process = askForConfirmation(id, 1);
    String token = tokenOf(lastNotice(id));

    clockAt("2026-11-09T18:00:01+07:00");
    assertThat(answer(token, Map.of("resolved", true)).getStatusCode().value())
        .as("past the window, before the timer ran").isEqualTo(410);
    Job timer = management.createJobQuery().processInstanceId(process).timers().executable().singleResult();
    management.executeJob(timer.getId());

    assertThat(passed(process)).contains("Event_WindowOver", "Event_Silent").doesNotContain("Event_ResidentConfirmation");
    ResponseEntity<Map<String, Object>> late = answer(token, Map.of("resolved", false, "comment", "Не решена"));
    assertThat(late.getStatusCode().value()).isEqualTo(410);
    assertThat(late.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) late.getBody().get("detail")).startsWith("Срок ответа по этой ссылке истёк");
    assertThat(read(token).getBody()).containsEntry("state", "EXPIRED").doesNotContainKey("resolved");
    assertThat(jdbc.sql("select count(*) from confirmation_request where answered_at is not null and appeal_id = :id")
        .param("id", appeals.getByNumber(id).id()).query(Long.class).single()).isZero();
  }

  @Test
  void theLinkOfTheFirstLevelIsOverOnceTheMinistryIsAsked() {
    String id = polyclinicAnswered();
    String process = askForConfirmation(id, 1);
    String polyclinicToken = tokenOf(lastNotice(id));
    // The ministry took over and answered; the process asks the resident about the second level.
    appeals.assign(id, "minzdrav-nso", "EXPLAIN");
    appeals.recordAnswer(id, "Министерство организовало выездной приём терапевта");
    runtime.createProcessInstanceModification(process)
        .cancelAllForActivity("Gateway_ResidentAnswer")
        .startBeforeActivity("Task_RequestConfirmation")
        .setVariable("delegationLevel", 2)
        .execute();
    Map<String, Object> notice = lastNotice(id);
    assertThat(notice).containsEntry("organizationName", "Министерство здравоохранения Новосибирской области");
    String ministryToken = tokenOf(notice);

    ResponseEntity<Map<String, Object>> stale = answer(polyclinicToken, Map.of("resolved", false));

    assertThat(stale.getStatusCode().value()).isEqualTo(410);
    assertThat(passed(process)).doesNotContain("Event_ResidentConfirmation");
    assertThat(read(polyclinicToken).getBody()).containsEntry("state", "EXPIRED");
    assertThat(read(ministryToken).getBody()).containsEntry("state", "OPEN");
    assertThat(answer(ministryToken, Map.of("resolved", true)).getStatusCode().value()).isEqualTo(200);
    assertThat(variable(process, "resolved")).isEqualTo(true);
    assertThat(jdbc.sql("select level from confirmation_request where answered_at is not null and appeal_id = :id")
        .param("id", appeals.getByNumber(id).id()).query(Integer.class).list()).containsExactly(2);
  }

  @Test
  void aClosedAppealTakesNoAnswer() {
    String id = polyclinicAnswered();
    askForConfirmation(id, 1);
    String token = tokenOf(lastNotice(id));
    assertThat(api.withdraw(id).getStatusCode().value()).isEqualTo(200);

    assertThat(answer(token, Map.of("resolved", true)).getStatusCode().value()).isEqualTo(410);
    assertThat(read(token).getBody()).containsEntry("state", "EXPIRED");
  }

  @Test
  void theAnswerNeedsAChoiceAndAtMost2000CharactersOfComment() {
    String id = polyclinicAnswered();
    askForConfirmation(id, 1);
    String token = tokenOf(lastNotice(id));

    ResponseEntity<Map<String, Object>> noChoice = answer(token, Map.of("comment", "Не знаю"));
    ResponseEntity<Map<String, Object>> longComment = answer(token, Map.of("resolved", false, "comment", "а".repeat(2001)));

    assertThat(noChoice.getStatusCode().value()).isEqualTo(400);
    assertThat(noChoice.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(noChoice.getBody()).extractingByKey("errors").asInstanceOf(InstanceOfAssertFactories.list(Map.class))
        .extracting(error -> error.get("field")).containsExactly("resolved");
    assertThat(longComment.getStatusCode().value()).isEqualTo(400);
    assertThat(longComment.getBody()).extractingByKey("errors").asInstanceOf(InstanceOfAssertFactories.list(Map.class))
        .extracting(error -> error.get("field")).containsExactly("comment");
    assertThat(read(token).getBody()).containsEntry("state", "OPEN");
  }

  @Test
  void theResidentsPageOpensWithoutLoginAndLoadsNothingFromElsewhere() {
    String id = polyclinicAnswered();
    askForConfirmation(id, 1);
    String token = tokenOf(lastNotice(id));

    ResponseEntity<String> page = rest.getForEntity("/confirm/{token}", String.class, token);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.getBody()).contains("name=\"viewport\"", "Проблема решена", "Не решена", "/api/confirmations/")
        .doesNotContain("http://", "https://", "innerHTML");
    assertThat(rest.getForEntity("/api/appeals", String.class).getStatusCode().value())
        .as("the rest of the API still needs a login").isEqualTo(401);
  }

  /** An official complaint about the Berdsk polyclinic, routed there and answered as solved. */
  private String polyclinicAnswered() {
    String id = api.register(Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Третью неделю не могу попасть к терапевту в поликлинике, запись закрыта",
        "author", Map.of("name", "Анна Сергеевна Ким", "email", "kim@example.ru"),
        "territory", "berdsk",
        "category", "healthcare"));
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    assertThat(api.appealAs("admin", id)).containsEntry("organization", "berdsk-polyclinic");
    appeals.recordAnswer(id, POLYCLINIC_ANSWER);
    return id;
  }

  /** Starts the stand-in process for the appeal, as citizen-appeal reaches the confirmation of a level. */
  private String askForConfirmation(String id, int level) {
    String process = runtime.startProcessInstanceByKey(PROCESS,
        Map.of("appealId", id, "delegationLevel", level)).getId();
    appeals.attachProcessInstance(appeals.getByNumber(id).id(), process);
    return process;
  }

  private Map<String, Object> lastNotice(String id) {
    List<String> payloads = jdbc.sql("""
        select n.payload from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id and n.kind = 'CONFIRMATION_REQUEST' order by n.id desc""")
        .param("id", id).query(String.class).list();
    assertThat(payloads).as("confirmation notices of %s", id).isNotEmpty();
    try {
      return json.readValue(payloads.get(0), NOTICE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notice's payload is JSON: " + payloads.get(0), e);
    }
  }

  private static String tokenOf(Map<String, Object> notice) {
    String link = (String) notice.get("link");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private ResponseEntity<Map<String, Object>> read(String token) {
    return rest.exchange("/api/confirmations/{token}", HttpMethod.GET, null, OBJECT, token);
  }

  private ResponseEntity<Map<String, Object>> answer(String token, Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/confirmations/{token}", HttpMethod.POST, new HttpEntity<>(new HashMap<>(body), headers),
        OBJECT, token);
  }

  private List<String> passed(String process) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(process).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private Object variable(String process, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(process).variableName(name).singleResult();
    assertThat(variable).as("variable %s of the process", name).isNotNull();
    return variable.getValue();
  }

  private static void clockAt(String localTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime).toInstant()));
  }
}
