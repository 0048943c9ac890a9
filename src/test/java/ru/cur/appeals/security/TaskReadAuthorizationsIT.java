package ru.cur.appeals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.OnH2;

/**
 * Moderators read their tasks through one authorization for all tasks, not one per task (the task query joins
 * each task with each of them: quadratic with one per task), and still work only the tasks offered to them;
 * organisations keep seeing their own tasks only.
 */
@OnH2
class TaskReadAuthorizationsIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  @Test
  void moderatorsReadEveryTaskThroughOneGrantAndWorkOnlyTheirOwn() {
    AppealApi api = new AppealApi(rest);
    List<String> ids = List.of(api.register(pothole()), api.register(pothole()), api.register(pothole()));

    assertThat(jdbc.sql("""
        select count(*) from act_ru_authorization
         where group_id_ = 'moderators' and resource_type_ = 7 and bitand(perms_, 2) = 2""")
        .query(Long.class).single()).as("moderators' authorizations to read tasks").isEqualTo(1);
    for (String id : ids) {
      assertThat(api.onlyTask("moderator", id, "moderate-appeal")).isNotNull();
      assertThat(api.tasks("executor", id)).isEmpty();
    }

    api.complete("moderator", ids.get(0), "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    Map<String, Object> answerTask = api.tasks("executor", ids.get(0)).get(0);
    assertThat(api.tasks("moderator", ids.get(0))).extracting(task -> task.get("id")).contains(answerTask.get("id"));
    assertThat(api.as("moderator").exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "moderator")), String.class, answerTask.get("id")).getStatusCode().value())
        .as("a moderator claims an organisation's task").isEqualTo(403);
  }

  private static Map<String, Object> pothole() {
    return Map.of("channel", "SOCIAL", "externalId", "vk-" + UUID.randomUUID(), "text", "Яма у дома 7",
        "territory", "berdsk", "category", "roads", "author", Map.of("name", "Пётр", "profileUrl", "https://vk.com/id1"));
  }
}
