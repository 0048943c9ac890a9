package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** «Снежный кейс»: many residents write about one street; one problem, one answer, every resident told. */
abstract class ProblemScenarios {

  private static final String ANSWER = "Улицу Ленина от дома 1 до дома 40 расчистят от снега сегодня до 18:00";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  AppealApi api;
  AppealRecords records;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
  }

  @Test
  void fiveSnowAppealsFromOneStreetThroughFiveChannelsBecomeOneProblemAndOneAnswerReachesAllFive() {
    String street = "ул. Ленина-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> appeals = new ArrayList<>();
    double lat = 54.7583;
    for (String channel : List.of("SOCIAL", "POS", "OFFICIAL", "GOVERNOR", "MUNICIPAL")) {
      appeals.add(api.register(Map.of(
          "channel", channel,
          "externalId", channel.toLowerCase() + "-" + UUID.randomUUID(),
          "text", "Не чистят снег на улице Ленина, не пройти и не проехать",
          "author", Map.of("name", "Житель " + channel, "email", channel.toLowerCase() + "-" + UUID.randomUUID() + "@example.ru"),
          "territory", "berdsk",
          "category", "roads",
          "address", "Бердск, " + street,
          "location", Map.of("lat", lat, "lon", 83.1073))));
      lat += 0.0005;
    }

    api.complete("moderator", appeals.get(0), "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "roads.snow", "territory", "berdsk", "problem", "NEW"));
    String problem = (String) api.appealAs("moderator", appeals.get(0)).get("problem");
    assertThat(problem).startsWith("ПРБ-");
    for (String id : appeals.subList(1, 5)) {
      Map<String, Object> moderation = api.onlyTask("moderator", id, "moderate-appeal");
      assertThat(optionValues(api.taskVariables("moderator", (String) moderation.get("id")).get("problemOptions")))
          .as("the moderator is offered the open problem of the same street").contains("NONE", "NEW", problem);
      api.complete("moderator", id, "moderate-appeal", Map.of(
          "moderation", "ACCEPT", "category", "roads.snow", "territory", "berdsk", "problem", problem));
    }
    assertThat(api.tasks("executor", appeals.get(3))).as("appeals of a problem wait for its answer").isEmpty();

    // The problem's process carries the problem's number as its business key.
    Map<String, Object> problemTask = api.onlyTask("executor", problem, "prepare-problem-answer");
    ResponseEntity<String> answered = api.submitForm("executor", (String) problemTask.get("id"),
        Map.of("answerText", ANSWER, "problemSolved", true));
    assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(204);

    // 59-ФЗ appeals are signed by the head, each on its own.
    for (String id : appeals.subList(2, 5)) {
      api.complete("head", id, "approve-answer", Map.of("approved", "true"));
    }
    for (String id : appeals) {
      assertThat(api.appealAs("manager", id)).as(id).containsEntry("answer", ANSWER).containsEntry("problem", problem);
      assertThat(records.noticesOf(id)).as("notices to the resident of %s", id).contains("ANSWERED");
    }

    ResponseEntity<Map<String, Object>> view = api.as("manager")
        .exchange("/api/problems/{id}", HttpMethod.GET, null, AppealApi.OBJECT, problem);
    assertThat(view.getStatusCode().value()).isEqualTo(200);
    assertThat(view.getBody()).containsEntry("status", "ANSWERED").containsEntry("answer", ANSWER)
        .containsEntry("organization", "berdsk-administration");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> linked = (List<Map<String, Object>>) view.getBody().get("appeals");
    assertThat(linked).extracting(a -> a.get("id"))
        .containsExactlyInAnyOrderElementsOf(appeals);
  }

  @Test
  void anAppealFarAwayIsNotOfferedTheProblem() {
    String near = api.register(snowPost(54.7583));
    api.complete("moderator", near, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "roads.snow", "territory", "berdsk", "problem", "NEW"));
    String problem = (String) api.appealAs("moderator", near).get("problem");

    String far = api.register(snowPost(54.7883));

    Map<String, Object> moderation = api.onlyTask("moderator", far, "moderate-appeal");
    assertThat(optionValues(api.taskVariables("moderator", (String) moderation.get("id")).get("problemOptions")))
        .doesNotContain(problem);
  }

  private static Map<String, Object> snowPost(double lat) {
    return Map.of(
        "channel", "SOCIAL",
        "externalId", "vk-" + UUID.randomUUID(),
        "text", "Двор завален снегом",
        "author", Map.of("name", "Житель", "profileUrl", "https://vk.com/id" + UUID.randomUUID()),
        "territory", "berdsk",
        "category", "roads",
        "location", Map.of("lat", lat, "lon", 83.1073));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> optionValues(Object variable) {
    try {
      List<Map<String, Object>> options = new ObjectMapper().readValue(
          (String) ((Map<String, Object>) variable).get("value"), List.class);
      return options.stream().map(option -> option.get("value")).toList();
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

}
