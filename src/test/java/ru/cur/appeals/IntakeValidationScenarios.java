package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a 400 problem that names the field and the fix, and leaves nothing behind. */
abstract class IntakeValidationScenarios {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  HistoryService history;

  AppealApi api;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
  }

  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> appeal = new HashMap<>(AppealLifecycleScenarios.potholePostInBerdsk());
    if (value == null) {
      appeal.remove(field);
    } else {
      appeal.put(field, value);
    }
    return appeal;
  }

  static Stream<Arguments> invalidSubmissions() {
    return Stream.of(
        Arguments.of("unknown channel", with("channel", "TELEGRAPH"), "channel"),
        Arguments.of("no channel", with("channel", null), "channel"),
        Arguments.of("unknown territory", with("territory", "atlantis"), "territory"),
        Arguments.of("unknown category", with("category", "roads.craters"), "category"),
        Arguments.of("empty text", with("text", "   "), "text"),
        Arguments.of("text over the limit", with("text", "я".repeat(10_001)), "text"),
        Arguments.of("latitude out of range", with("location", Map.of("lat", 91, "lon", 83)), "location.lat"),
        Arguments.of("not a web address", with("sourceUrl", "javascript:alert(1)"), "sourceUrl"),
        Arguments.of("59-ФЗ appeal without an address for the answer",
            Map.of("channel", "OFFICIAL", "text", "Прошу отремонтировать крышу", "author", Map.of("name", "Иванов")),
            "author"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSubmissions")
  void invalidSubmissionIsRefusedNamingTheField(String why, Map<String, Object> appeal, String field) {
    long appeals = count();
    long instances = history.createHistoricProcessInstanceQuery().count();

    ResponseEntity<Map<String, Object>> response = api.submit(appeal);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .extracting(error -> error.get("field")).contains(field);
    assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at ru.cur");
    assertThat(count()).isEqualTo(appeals);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        Arguments.of("{\"channel\": \"SOCIAL\", \"text\": ", "not valid JSON"),
        Arguments.of("{\"channel\": \"SOCIAL\", \"text\": \"яма\", \"location\": {\"lat\": \"север\", \"lon\": 1}}",
            "location.lat"),
        Arguments.of("{\"channel\": \"SOCIAL\", \"text\": \"яма\", \"receivedAt\": \"вчера\"}", "receivedAt"),
        Arguments.of("[1, 2, 3]", "JSON"),
        Arguments.of("", "JSON body"));
  }

  @ParameterizedTest(name = "[{index}] mentions {1}")
  @MethodSource("unreadableBodies")
  void unreadableBodyIsRefusedSayingWhereItBreaks(String body, String mentioned) {
    long appeals = count();

    ResponseEntity<Map<String, Object>> response = api.submitRaw(body);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) response.getBody().get("detail")).contains(mentioned).doesNotContain("java.");
    assertThat(count()).isEqualTo(appeals);
  }

  private long count() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }
}
