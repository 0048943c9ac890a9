package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The application's HTTP APIs as the tests' users call them: {@code /api} and {@code /engine-rest}. */
public final class AppealApi {

  /** The name of every deployment made by {@link #deploy}. */
  public static final String TEST_DEPLOYMENT = "test-deployment";
  public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final Function<String, TestRestTemplate> login;

  /** The embedded demo: HTTP Basic with the demo users, whose password is their name. */
  public AppealApi(TestRestTemplate rest) {
    this(user -> rest.withBasicAuth(user, user));
  }

  /** Any other way of logging in, e.g. Keycloak's tokens ({@link KeycloakServer#api}). */
  public AppealApi(Function<String, TestRestTemplate> login) {
    this.login = login;
  }

  public TestRestTemplate as(String user) {
    return login.apply(user);
  }

  public ResponseEntity<Map<String, Object>> submit(Map<String, ?> appeal) {
    return as("intake").exchange("/api/appeals", HttpMethod.POST, json(appeal), OBJECT);
  }

  public ResponseEntity<Map<String, Object>> submitRaw(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as("intake").exchange("/api/appeals", HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
  }

  /** Submits and returns the registration number, asserting that a new appeal was registered. */
  public String register(Map<String, ?> appeal) {
    ResponseEntity<Map<String, Object>> response = submit(appeal);
    assertThat(response.getStatusCode().value()).as("submission of %s: %s", appeal, response.getBody()).isEqualTo(201);
    return (String) response.getBody().get("id");
  }

  public ResponseEntity<Map<String, Object>> appeal(String user, String id) {
    return as(user).exchange("/api/appeals/{id}", HttpMethod.GET, null, OBJECT, id);
  }

  public Map<String, Object> appealAs(String user, String id) {
    ResponseEntity<Map<String, Object>> response = appeal(user, id);
    assertThat(response.getStatusCode().value()).as("GET %s as %s", id, user).isEqualTo(200);
    return response.getBody();
  }

  public ResponseEntity<Map<String, Object>> search(String user, String query) {
    return as(user).exchange("/api/appeals?" + query, HttpMethod.GET, null, OBJECT);
  }

  public ResponseEntity<Map<String, Object>> withdraw(String id) {
    return as("intake").exchange("/api/appeals/{id}/withdraw", HttpMethod.POST, null, OBJECT, id);
  }

  /** The tasks of an appeal that {@code user} can see through the engine's REST API. */
  public List<Map<String, Object>> tasks(String user, String id) {
    ResponseEntity<List<Map<String, Object>>> response = as(user)
        .exchange("/engine-rest/task?processInstanceBusinessKey={id}", HttpMethod.GET, null, LIST, id);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  public Map<String, Object> onlyTask(String user, String id, String taskKey) {
    List<Map<String, Object>> tasks = tasks(user, id);
    assertThat(tasks).as("tasks of %s visible to %s", id, user)
        .extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
    return tasks.get(0);
  }

  /** Completes a task the way Tasklist submits a Camunda Form. */
  public ResponseEntity<String> submitForm(String user, String taskId, Map<String, ?> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return as(user).exchange("/engine-rest/task/{id}/submit-form", HttpMethod.POST,
        json(Map.of("variables", typed)), String.class, taskId);
  }

  /**
   * Completes the appeal's task of {@code taskKey} as {@code user}. The user may see other tasks of the appeal:
   * the appeal center's groups read every task (see CenterWideTaskReaders).
   */
  public void complete(String user, String id, String taskKey, Map<String, ?> variables) {
    List<Map<String, Object>> tasks = tasks(user, id).stream()
        .filter(task -> taskKey.equals(task.get("taskDefinitionKey"))).toList();
    assertThat(tasks).as("%s tasks of %s visible to %s", taskKey, id, user).hasSize(1);
    Map<String, Object> task = tasks.get(0);
    ResponseEntity<String> response = submitForm(user, (String) task.get("id"), variables);
    assertThat(response.getStatusCode().value()).as("%s completes %s: %s", user, taskKey, response.getBody())
        .isEqualTo(204);
  }

  /** The task's form variables as Tasklist reads them: JSON values as their JSON text. */
  public Map<String, Object> taskVariables(String user, String taskId) {
    ResponseEntity<Map<String, Object>> response = as(user)
        .exchange("/engine-rest/task/{id}/form-variables?deserializeValues=false", HttpMethod.GET, null, OBJECT, taskId);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** Deploys as Camunda Modeler does: one multipart part per file, named by its file name. */
  public ResponseEntity<String> deploy(String user, Map<String, String> resources) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", TEST_DEPLOYMENT);
    resources.forEach((name, content) -> {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentDisposition(ContentDisposition.formData().name(name).filename(name).build());
      headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      parts.add(name, new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers));
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }

  /**
   * Executes every timer of the process instance due by the engine clock through the REST API, as an operator
   * would; returns the timers' activities.
   */
  public List<String> runDueTimers(ManagementService management, String processInstanceId) {
    List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers().executable().list();
    for (Job job : due) {
      ResponseEntity<String> executed = as("admin")
          .exchange("/engine-rest/job/{id}/execute", HttpMethod.POST, null, String.class, job.getId());
      assertThat(executed.getStatusCode().value()).as("execute %s: %s", job, executed.getBody()).isEqualTo(204);
    }
    return due.stream().map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId()).toList();
  }

  /** One step's deadline of an appeal as {@code GET /api/appeals/{id}} gives it. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> deadline(Map<String, Object> appeal, String step) {
    Map<String, Object> deadlines = (Map<String, Object>) appeal.get("deadlines");
    assertThat(deadlines).as("deadlines of %s", appeal.get("id")).containsKey(step);
    return (Map<String, Object>) deadlines.get(step);
  }

  public static Instant due(Map<String, Object> appeal, String step) {
    return Instant.parse((String) deadline(appeal, step).get("due"));
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
