package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The authorization model (issue 5), the same whoever logged the caller in: the embedded demo's users
 * with HTTP Basic ({@link H2AccessIT}) and Keycloak's tokens in production ({@link KeycloakIT}).
 * Organisation members see and act on their organisation's appeals, tasks and history only; managers and
 * auditors read everything and change nothing; channel systems submit and nothing else.
 */
abstract class AccessScenarios {

  /** The application's APIs as each test user calls them in this mode. */
  abstract AppealApi api();

  /** The application without credentials. */
  abstract TestRestTemplate anonymous();

  /** An appeal in work at the Berdsk polyclinic (the executor's) and one at the Iskitim polyclinic (nobody's). */
  private String[] appealsOfTwoPolyclinics() {
    String berdsk = inWork("berdsk");
    String iskitim = inWork("iskitim");
    assertThat(api().appealAs("moderator", berdsk)).containsEntry("organization", "berdsk-polyclinic");
    assertThat(api().appealAs("moderator", iskitim)).containsEntry("organization", "iskitim-polyclinic");
    return new String[] {berdsk, iskitim};
  }

  private String inWork(String territory) {
    Map<String, Object> complaint = new HashMap<>(AppealLifecycleScenarios.officialComplaintAboutBerdskPolyclinic());
    complaint.put("externalId", "letter-" + java.util.UUID.randomUUID());
    complaint.put("territory", territory);
    String id = api().register(complaint);
    api().complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.appointment", "territory", territory));
    return id;
  }

  @Test
  void anOrganisationSeesAndWorksOnlyItsOwnAppealsTasksAndHistory() {
    String[] appeals = appealsOfTwoPolyclinics();
    String own = appeals[0];
    String foreign = appeals[1];

    assertThat(api().appeal("executor", own).getStatusCode().value()).isEqualTo(200);
    assertThat(api().appeal("executor", foreign).getStatusCode().value()).isEqualTo(404);
    assertThat(api().onlyTask("executor", own, "prepare-answer")).isNotNull();
    assertThat(api().tasks("executor", foreign)).isEmpty();
    Map<String, Object> foreignTask = api().onlyTask("supervisor", foreign, "prepare-answer");

    // Not through the engine's REST API either: neither its task, nor its instance, nor its history.
    assertThat(status("executor", HttpMethod.POST, "/engine-rest/task/" + foreignTask.get("id") + "/claim"))
        .isIn(403, 404);
    assertThat(status("executor", HttpMethod.GET, "/engine-rest/task/" + foreignTask.get("id") + "/variables"))
        .isIn(403, 404);
    assertThat(list("executor", "/engine-rest/process-instance?businessKey=" + foreign)).isEmpty();
    assertThat(status("executor", HttpMethod.GET,
        "/engine-rest/process-instance/" + foreignTask.get("processInstanceId") + "/variables")).isIn(403, 404);
    assertThat(list("executor", "/engine-rest/history/task?processInstanceBusinessKey=" + foreign)).isEmpty();
    assertThat(list("executor", "/engine-rest/history/variable-instance?processInstanceIdIn="
        + foreignTask.get("processInstanceId"))).isEmpty();
    // Its own history it reads: the tasks it held, also once they are done.
    assertThat(list("executor", "/engine-rest/history/task?processInstanceBusinessKey=" + own))
        .extracting(task -> task.get("taskDefinitionKey")).contains("prepare-answer");
    // The other polyclinic's people do see theirs, and nothing of the Berdsk one.
    assertThat(api().tasks("ministry", own)).isEmpty();
  }

  @Test
  void anOrganisationsTasklistHasAllItsGroupsTasksAndTheWholeCentersListIsForWhoReadsEveryTask() {
    String[] appeals = appealsOfTwoPolyclinics();
    Map<String, Object> own = api().onlyTask("executor", appeals[0], "prepare-answer");
    Map<String, Object> foreign = api().onlyTask("supervisor", appeals[1], "prepare-answer");
    assertThat(status("executor", HttpMethod.POST, "/engine-rest/task/" + own.get("id") + "/claim",
        "{\"userId\":\"executor\"}")).isEqualTo(204);

    assertThat(filters("executor")).containsKeys("Задачи моих групп", "Мои задачи", "Все задачи моих групп")
        .doesNotContainKey("Все доступные задачи");
    // Taken in work, the task stays among the group's tasks; the other polyclinic's is not there.
    assertThat(filterTasks("executor", filters("executor").get("Все задачи моих групп")))
        .contains(own.get("id")).doesNotContain(foreign.get("id"));
    assertThat(filterTasks("executor", filters("executor").get("Задачи моих групп")))
        .doesNotContain(own.get("id"), foreign.get("id"));
    for (String reader : List.of("manager", "auditor", "supervisor", "moderator")) {
      assertThat(filterTasks(reader, filters(reader).get("Все доступные задачи"))).as(reader)
          .contains(own.get("id"), foreign.get("id"));
    }
  }

  /** The Tasklist filters the user may read, by name, with their ids. */
  private Map<String, String> filters(String user) {
    Map<String, String> filters = new HashMap<>();
    list(user, "/engine-rest/filter?resourceType=Task")
        .forEach(filter -> filters.put((String) filter.get("name"), (String) filter.get("id")));
    return filters;
  }

  /** The ids of the tasks a filter shows the user, as Tasklist asks for them. */
  private List<Object> filterTasks(String user, String filterId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<List<Map<String, Object>>> response = api().as(user).exchange(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=1000", HttpMethod.POST,
        new HttpEntity<>("{}", headers), AppealApi.LIST);
    assertThat(response.getStatusCode().value()).as("filter %s as %s", filterId, user).isEqualTo(200);
    return response.getBody().stream().map(task -> task.get("id")).toList();
  }

  @Test
  void managersAndAuditorsReadEverythingAndChangeNothing() {
    String id = appealsOfTwoPolyclinics()[1];
    Map<String, Object> task = api().onlyTask("supervisor", id, "prepare-answer");

    for (String reader : List.of("manager", "auditor", "supervisor")) {
      assertThat(api().appeal(reader, id).getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(api().tasks(reader, id)).as(reader).hasSize(1);
      assertThat(list(reader, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + id))
          .as(reader).hasSize(1);
    }
    for (String reader : List.of("manager", "auditor")) {
      assertThat(status(reader, HttpMethod.POST, "/engine-rest/task/" + task.get("id") + "/claim")).as(reader)
          .isEqualTo(403);
      assertThat(status(reader, HttpMethod.POST, "/engine-rest/process-instance/" + task.get("processInstanceId")
          + "/variables", "{\"modifications\":{\"organization\":{\"value\":\"x\"}}}")).as(reader).isEqualTo(403);
      assertThat(status(reader, HttpMethod.DELETE, "/engine-rest/process-instance/" + task.get("processInstanceId")))
          .as(reader).isEqualTo(403);
      assertThat(api().as(reader).exchange("/api/appeals", HttpMethod.POST, null, String.class)
          .getStatusCode().value()).as(reader).isEqualTo(403);
    }
    assertThat(list("auditor", "/engine-rest/history/variable-instance?processInstanceIdIn="
        + task.get("processInstanceId"))).isNotEmpty();
  }

  @Test
  void channelSystemsSubmitAppealsAndNothingElse() {
    String id = api().register(AppealLifecycleScenarios.potholePostInBerdsk());

    assertThat(api().appeal("intake", id).getStatusCode().value()).isEqualTo(403);
    assertThat(api().search("intake", "").getStatusCode().value()).isEqualTo(403);
    assertThat(status("intake", HttpMethod.GET, "/engine-rest/task")).isEqualTo(403);
    assertThat(status("intake", HttpMethod.POST, "/engine-rest/process-definition/key/citizen-appeal/start", "{}"))
        .isEqualTo(403);
  }

  @Test
  void residentsNoticesAreReadByWhoReadsEveryAppealAndSentAgainByWhoActsForTheWholeCenter() {
    for (String reader : List.of("moderator", "supervisor", "manager", "auditor", "admin")) {
      assertThat(status(reader, HttpMethod.GET, "/api/notices?status=FAILED")).as(reader).isEqualTo(200);
    }
    for (String other : List.of("executor", "head", "ministry", "owner", "intake")) {
      assertThat(status(other, HttpMethod.GET, "/api/notices")).as(other).isEqualTo(403);
    }
    String unknownNotice = "/api/notices/" + Long.MAX_VALUE + "/retry";
    for (String reader : List.of("manager", "auditor", "executor", "intake")) {
      assertThat(status(reader, HttpMethod.POST, unknownNotice)).as(reader).isEqualTo(403);
    }
    assertThat(status("supervisor", HttpMethod.POST, unknownNotice)).isEqualTo(404);
    assertThat(status("moderator", HttpMethod.POST, unknownNotice)).isEqualTo(404);
  }

  @Test
  void nothingAnswersWithoutAuthenticationButHealthAndTheResidentsLink() {
    for (String path : List.of("/api/appeals", "/api/notices", "/api/reference/territories", "/api/problems/1",
        "/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment", "/actuator/info",
        "/actuator/metrics", "/camunda/api/engine/engine/default/task")) {
      assertThat(anonymous().getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    // The webapps ask who is logged in; Camunda's own login answers "nobody" with 404, Keycloak's with 401.
    assertThat(anonymous().getForEntity("/camunda/api/admin/auth/user/default", String.class).getStatusCode().value())
        .isIn(401, 404);
    assertThat(anonymous().postForEntity("/camunda/api/admin/setup/default/user/create", Map.of(), String.class)
        .getStatusCode().value()).isIn(401, 403);
    assertThat(anonymous().getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    // The resident's link: the page for any token, and an unknown token is simply unknown.
    assertThat(anonymous().getForEntity("/confirm/unknown-token", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(anonymous().getForEntity("/api/confirmations/unknown-token", String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void answersCarrySecurityHeaders() {
    ResponseEntity<String> data = api().as("manager").getForEntity("/api/appeals", String.class);
    assertThat(data.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(data.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(data.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(data.getHeaders().getCacheControl()).contains("no-store");

    ResponseEntity<String> link = anonymous().getForEntity("/confirm/some-token", String.class);
    assertThat(link.getHeaders().get("Referrer-Policy")).containsExactly("no-referrer");
    assertThat(link.getHeaders().get("Content-Security-Policy")).singleElement().asString()
        .contains("frame-ancestors 'none'", "connect-src 'self'");
    assertThat(link.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  /**
   * Issue 8: auditors read an appeal's audit record with the resident's data; supervisors and managers read it with
   * that data masked; an organisation (its own appeal included), moderators, administrators and channel systems do
   * not read it at all.
   */
  @Test
  void auditorsReadTheAuditRecordSupervisorsAndManagersMaskedAndNobodyElse() {
    String own = appealsOfTwoPolyclinics()[0];
    String path = "/api/appeals/" + own + "/audit";

    ResponseEntity<String> auditor = api().as("auditor").getForEntity("/api/appeals/{id}/audit", String.class, own);
    assertThat(auditor.getStatusCode().value()).isEqualTo(200);
    assertThat(auditor.getBody()).contains("Анна Сергеевна Ким", "kim@example.ru").contains("\"masked\":false");
    for (String reader : List.of("supervisor", "manager")) {
      ResponseEntity<String> masked = api().as(reader).getForEntity("/api/appeals/{id}/audit", String.class, own);
      assertThat(masked.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(masked.getBody()).as(reader).contains("\"masked\":true")
          .doesNotContain("Анна Сергеевна Ким", "kim@example.ru", "Морская");
    }
    for (String stranger : List.of("executor", "head", "moderator", "admin", "intake")) {
      assertThat(api().as(stranger).getForEntity("/api/appeals/{id}/audit", String.class, own).getStatusCode().value())
          .as(stranger + " on " + path).isEqualTo(403);
    }
  }

  int status(String user, HttpMethod method, String path) {
    return status(user, method, path, null);
  }

  int status(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return api().as(user).exchange(path, method, new HttpEntity<>(json, headers), String.class)
        .getStatusCode().value();
  }

  List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response =
        api().as(user).exchange(path, HttpMethod.GET, null, AppealApi.LIST);
    assertThat(response.getStatusCode().value()).as("GET %s as %s", path, user).isEqualTo(200);
    return response.getBody();
  }
}
