package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 004 through the HTTP APIs: a complaint about a polyclinic goes to the polyclinic first; unless
 * the resident confirms through the personal link that it is solved, the Ministry of Health takes over.
 */
abstract class DelegationScenarios {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;

  AppealApi api;
  AppealRecords records;
  ResidentLink resident;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
    resident = new ResidentLink(jdbc, rest);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-02T10:00:00+07:00").toInstant()));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void residentSaysNotSolvedAndTheMinistryOfHealthGetsItWithTheirComment() {
    String id = answeredByThePolyclinic();

    resident.answer(id, false, "Запись так и не открыли, терапевта нет");

    Map<String, Object> ministryTask = api.onlyTask("ministry", id, "prepare-answer");
    assertThat(api.tasks("executor", id)).isEmpty();
    assertThat(api.appealAs("ministry", id)).containsEntry("organization", "minzdrav-nso")
        .containsEntry("status", "IN_WORK");
    assertThat(correspondence(ministryTask)).contains("Уровень 1", "Вас записали к терапевту на 5 ноября",
        "заявитель ответил, что проблема не решена", "Запись так и не открыли, терапевта нет");

    api.complete("ministry", id, "prepare-answer",
        Map.of("answerText", "Министерство направило терапевта из Новосибирска, приём 6 ноября", "problemSolved", true));
    resident.answer(id, true, "Спасибо, приняли");

    assertThat(api.appealAs("ministry", id)).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED");
    assertThat(records.noticesOf(id)).containsSubsequence("ROUTED", "ANSWERED", "CONFIRMATION_REQUEST", "ROUTED",
        "ANSWERED", "CONFIRMATION_REQUEST");
  }

  @Test
  void residentKeepsSilentAndTheMinistryGetsItWhenTheWindowEnds() {
    String id = answeredByThePolyclinic();
    assertThat(api.tasks("ministry", id)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-09T18:00:01+07:00").toInstant()));
    Job window = management.createJobQuery().processInstanceId(records.processInstanceOf(id)).timers().executable()
        .singleResult();
    ResponseEntity<String> executed = api.as("admin")
        .exchange("/engine-rest/job/{id}/execute", HttpMethod.POST, null, String.class, window.getId());
    assertThat(executed.getStatusCode().value()).isEqualTo(204);

    Map<String, Object> ministryTask = api.onlyTask("ministry", id, "prepare-answer");
    assertThat(correspondence(ministryTask)).contains("заявитель не подтвердил решение в срок");
    assertThat(jdbc.sql("""
        select count(*) from deadline_breach b join appeal a on a.id = b.appeal_id
        where a.registration_number = :id and b.step = 'CONFIRMATION'""").param("id", id).query(Long.class).single())
        .as("a resident's silence is no breach of the organisation").isZero();
    assertThat(resident.tokenFor(id)).isNotBlank();
  }

  @Test
  void residentConfirmsAndTheAppealClosesResolvedAtThePolyclinic() {
    String id = answeredByThePolyclinic();

    resident.answer(id, true, null);

    assertThat(api.appealAs("executor", id)).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED")
        .containsEntry("organization", "berdsk-polyclinic");
    assertThat(api.tasks("ministry", id)).isEmpty();
  }

  private String answeredByThePolyclinic() {
    String id = api.register(Map.of(
        "channel", "POS",
        "externalId", "pos-" + UUID.randomUUID(),
        "text", "Вторую неделю не могу записаться к терапевту в бердской поликлинике",
        "author", Map.of("name", "Нина Орлова", "email", "orlova@example.ru"),
        "territory", "berdsk",
        "category", "healthcare"));
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    assertThat(api.appealAs("executor", id)).containsEntry("organization", "berdsk-polyclinic");
    api.complete("executor", id, "prepare-answer",
        Map.of("answerText", "Вас записали к терапевту на 5 ноября, 10:00", "problemSolved", true));
    assertThat(records.noticesOf(id)).endsWith("ANSWERED", "CONFIRMATION_REQUEST");
    return id;
  }

  private String correspondence(Map<String, Object> task) {
    Object value = ((Map<?, ?>) api.taskVariables("ministry", (String) task.get("id")).get("correspondence")).get("value");
    return value.toString().replace("\\", "");
  }

}
