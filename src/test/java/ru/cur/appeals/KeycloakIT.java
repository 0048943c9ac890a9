package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The production profile against a real Keycloak importing {@code docker/keycloak/appeals-realm.json}
 * and PostgreSQL: single sign-on into the webapps, Keycloak's groups as Camunda's, bearer tokens on the
 * APIs, and the authorization model of {@link AccessScenarios} with the realm's tokens.
 */
class KeycloakIT extends AccessScenarios {

  private static KeycloakServer keycloak;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() throws SQLException {
    keycloak = KeycloakServer.get();
    app = new SpringApplicationBuilder(AppealEngineApplication.class)
        .profiles("production")
        .run("--server.port=" + keycloak.appPort(),
            "--APPEALS_DB_URL=" + ProductionProfileIT.freshDatabase("keycloak_it"),
            "--APPEALS_DB_USER=postgres", "--APPEALS_DB_PASSWORD=postgres",
            "--APPEALS_KEYCLOAK_URL=" + keycloak.url(),
            "--APPEALS_WEBAPPS_CLIENT_SECRET=" + KeycloakServer.WEBAPPS_SECRET,
            "--APPEALS_IDENTITY_CLIENT_SECRET=" + KeycloakServer.IDENTITY_SECRET,
            "--APPEALS_PUBLIC_URL=" + keycloak.appUrl(),
            "--APPEALS_SMTP_HOST=localhost", "--APPEALS_MAIL_FROM=ЦУР <noreply@example.ru>",
            "--camunda.bpm.job-execution.enabled=false", "--appeals.delivery.schedule.enabled=false");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Override
  AppealApi api() {
    return keycloak.api();
  }

  @Override
  TestRestTemplate anonymous() {
    return keycloak.anonymous();
  }

  @Test
  void tasklistLogsInThroughKeycloakShowsOnlyTheOrganisationsTasksAndLogsOutOfBoth() {
    String own = api().register(AppealLifecycleScenarios.officialComplaintAboutBerdskPolyclinic());
    api().complete("moderator", own, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    Map<String, Object> iskitim = new java.util.HashMap<>(AppealLifecycleScenarios.officialComplaintAboutBerdskPolyclinic());
    iskitim.put("territory", "iskitim");
    String foreign = api().register(iskitim);
    api().complete("moderator", foreign, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "iskitim"));
    Browser browser = new Browser();

    HttpResponse<String> login = browser.open(keycloak.appUrl() + "/camunda/app/tasklist/default/");
    assertThat(Browser.isKeycloakLoginPage(login)).as("%s", browser.visited).isTrue();
    assertThat(login.uri().toString()).startsWith(keycloak.url() + "/realms/appeals/protocol/openid-connect/auth");
    HttpResponse<String> tasklist = browser.logIn(login, "executor", "executor-test-password");
    assertThat(tasklist.statusCode()).as("%s: %s", browser.visited, tasklist.body()).isEqualTo(200);
    assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
    assertThat(browser.visited).anySatisfy(hop -> assertThat(hop.getPath()).isEqualTo("/login/oauth2/code/keycloak"));

    // The webapps' session carries the Keycloak user, and Tasklist lists the polyclinic's tasks only.
    HttpResponse<String> who = browser.open(keycloak.appUrl() + "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"executor\"", "tasklist").doesNotContain("cockpit", "admin");
    HttpResponse<String> tasks = browser.open(keycloak.appUrl()
        + "/camunda/api/engine/engine/default/task?processInstanceBusinessKeyIn=" + own + "," + foreign);
    assertThat(tasks.statusCode()).isEqualTo(200);
    String ownTask = (String) api().onlyTask("executor", own, "prepare-answer").get("id");
    assertThat(tasks.body()).contains(ownTask).doesNotContain(foreign);

    // Working in Tasklist: a change to the webapps' API carries Camunda's CSRF token.
    URI claim = URI.create(keycloak.appUrl() + "/camunda/api/engine/engine/default/task/" + ownTask + "/claim");
    HttpResponse<String> claimed = browser.send(claim(claim).header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")).build());
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);

    // Logging out ends the webapps' session and Keycloak's: the next visit asks for the password again.
    HttpResponse<String> loggedOut = browser.open(keycloak.appUrl() + "/camunda/logout");
    assertThat(browser.visited).anySatisfy(hop ->
        assertThat(hop.toString()).startsWith(keycloak.url() + "/realms/appeals/protocol/openid-connect/logout"));
    assertThat(Browser.isKeycloakLoginPage(loggedOut)).as("%s", browser.visited).isTrue();
    assertThat(browser.open(keycloak.appUrl() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);

    // Camunda's CSRF protection stays on under single sign-on: a change without the token is refused,
    // and the session it came with is ended.
    browser.logIn(browser.open(keycloak.appUrl() + "/camunda/app/tasklist/default/"), "executor",
        "executor-test-password");
    assertThat(browser.open(keycloak.appUrl() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    assertThat(browser.send(claim(claim).build()).statusCode()).isEqualTo(403);
    assertThat(browser.open(keycloak.appUrl() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
  }

  private static HttpRequest.Builder claim(URI claim) {
    return HttpRequest.newBuilder(claim).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"executor\"}"));
  }

  @Test
  void theDashboardReadsWithTheGroupsOfTheKeycloakLogin() {
    Browser manager = new Browser();
    manager.logIn(manager.open(keycloak.appUrl() + "/dashboard"), "manager", "manager-test-password");
    HttpResponse<String> region = manager.open(keycloak.appUrl() + "/dashboard/api/kpi");
    assertThat(region.statusCode()).isEqualTo(200);

    Browser executor = new Browser();
    HttpResponse<String> page = executor.logIn(executor.open(keycloak.appUrl() + "/dashboard"), "executor",
        "executor-test-password");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'"));
    HttpResponse<String> own = executor.open(keycloak.appUrl() + "/dashboard/api/kpi");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).doesNotContain("iskitim-polyclinic", "minzdrav-nso");
    assertThat(keycloak.anonymous().getForEntity("/dashboard/api/kpi", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void onlyProcessOwnersDeployWithTheirTokens() {
    String model = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"keycloak-it\""
        + " isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\"><startEvent id=\"s\"/></process></definitions>";

    for (String user : List.of("admin", "manager", "executor")) {
      assertThat(api().deploy(user, Map.of("keycloak-it.bpmn", model)).getStatusCode().value()).as(user)
          .isEqualTo(403);
    }
    assertThat(api().deploy("owner", Map.of("keycloak-it.bpmn", model)).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void keycloaksUsersAndGroupsAreCamundas() {
    IdentityService identity = app.getBean(IdentityService.class);

    User executor = identity.createUserQuery().userId("executor").singleResult();
    assertThat(executor.getFirstName()).isEqualTo("Иван");
    assertThat(identity.createGroupQuery().groupMember("head").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("berdsk-polyclinic", "berdsk-administration", "berdsk-polyclinic-heads",
            "berdsk-administration-heads");
    assertThat(identity.createUserQuery().memberOfGroup("moderators").list()).extracting(User::getId)
        .containsExactly("moderator");
    assertThat(identity.createGroupQuery().groupId("minzdrav-nso").count()).isOne();
    // No demo identities and no password of the application's own in production.
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.isReadOnly()).isTrue();
  }

  @Test
  void theApisTakeOnlyTheRealmsTokensMeantForThem() {
    String appeals = "/api/appeals";
    assertThat(keycloak.bearer(keycloak.token("manager")).getForEntity(appeals, String.class).getStatusCode().value())
        .isEqualTo(200);
    // A token of the realm for another audience (the identity plugin's), one of another realm, a forged one.
    String otherAudience = keycloak.clientToken("appeal-identity", KeycloakServer.IDENTITY_SECRET);
    for (String token : List.of(otherAudience, keycloak.masterToken(), keycloak.token("manager") + "x")) {
      for (String path : List.of(appeals, "/engine-rest/task")) {
        assertThat(keycloak.bearer(token).getForEntity(path, String.class).getStatusCode().value()).as(path)
            .isEqualTo(401);
      }
    }
    assertThat(anonymous().getForEntity(appeals, String.class).getHeaders().getFirst("WWW-Authenticate"))
        .startsWith("Bearer");
  }

  @Test
  void prometheusScrapesWithTheMonitoringClientsTokenAndReadsNoAppeal() {
    TestRestTemplate prometheus = keycloak.bearer(keycloak.clientToken("appeal-monitoring", KeycloakServer.MONITORING_SECRET));

    ResponseEntity<String> scraped = prometheus.getForEntity("/actuator/prometheus", String.class);
    assertThat(scraped.getStatusCode().value()).isEqualTo(200);
    assertThat(scraped.getBody()).contains("appeals_received_total{channel=\"SOCIAL\"}");
    assertThat(prometheus.getForEntity("/api/appeals", String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(prometheus.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(keycloak.bearer(keycloak.token("manager")).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theWebappsSendABrowserToKeycloakAndTheirApiAnswers401() {
    Browser browser = new Browser();
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      HttpResponse<String> page = browser.open(keycloak.appUrl() + "/camunda/app/" + app + "/default/");
      assertThat(Browser.isKeycloakLoginPage(page)).as(app).isTrue();
    }
    assertThat(anonymous().exchange("/camunda/api/engine/engine/default/task", HttpMethod.GET, null, String.class)
        .getStatusCode().value()).isEqualTo(401);
  }
}
