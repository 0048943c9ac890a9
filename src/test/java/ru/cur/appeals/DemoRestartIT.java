package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.notification.delivery.NoticeSender;

/**
 * The embedded demo as started without configuration: it keeps its state in its data folder (a restart loses
 * nothing and redeploys nothing) and shows what residents would be sent without any mail server.
 */
class DemoRestartIT {

  @TempDir
  Path data;

  @Test
  void appealsAndTheirTasksSurviveARestartAndUnchangedModelsKeepTheirVersions() {
    String id;
    long deployments;
    long decisionVersions;
    try (ConfigurableApplicationContext app = start()) {
      AppealApi api = api(app);
      id = api.register(AppealLifecycleScenarios.potholePostInBerdsk());
      api.complete("moderator", id, "moderate-appeal",
          Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
      RepositoryService repository = app.getBean(RepositoryService.class);
      deployments = repository.createDeploymentQuery().count();
      decisionVersions = repository.createDecisionDefinitionQuery().count();
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("citizen-appeal").count()).isEqualTo(1);
    }

    try (ConfigurableApplicationContext app = start()) {
      AppealApi api = api(app);
      assertThat(api.appealAs("executor", id)).containsEntry("status", "IN_WORK")
          .containsEntry("organization", "berdsk-administration");
      api.complete("executor", id, "prepare-answer", Map.of("answerText", "Яма заделана"));
      // The city says it is solved; the resident is asked to confirm.
      assertThat(api.appealAs("executor", id)).containsEntry("status", "ANSWERED");

      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("citizen-appeal").count()).isEqualTo(1);
    }
  }

  @Test
  void withoutAMailServerOrAPublisherTheDemoWritesItsLettersToTheLogAndStaysHealthy() {
    try (ConfigurableApplicationContext app = start()) {
      AppealApi api = api(app);
      Map<String, Object> letter = new HashMap<>(AppealLifecycleScenarios.officialComplaintAboutBerdskPolyclinic());
      String official = api.register(letter);
      letter.put("externalId", "letter-without-email");
      letter.put("author", Map.of("name", "Анна Сергеевна Ким", "postalAddress", "633010, Бердск, ул. Морская, 5"));
      String printed = api.register(letter);
      String post = api.register(AppealLifecycleScenarios.potholePostInBerdsk());

      app.getBean(NoticeSender.class).deliverDue();

      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(deliveredVia(jdbc, official)).isEqualTo("SENT log");
      assertThat(deliveredVia(jdbc, post)).isEqualTo("SENT log");
      // Printed letters need no settings: in the demo too they become a PDF and a clerk's task.
      assertThat(deliveredVia(jdbc, printed)).isEqualTo("SENT post");
      assertThat(api.as("manager").getForEntity("/actuator/health", String.class).getStatusCode().value())
          .isEqualTo(200);
    }
  }

  private static String deliveredVia(JdbcClient jdbc, String id) {
    return jdbc.sql("""
        select n.status || ' ' || coalesce(n.delivered_via, 'null') from notification_outbox n
        join appeal a on a.id = n.appeal_id where a.registration_number = :id""")
        .param("id", id).query(String.class).single();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(AppealEngineApplication.class)
        .run("--server.port=0", "--appeals.data-dir=" + data.toAbsolutePath(),
            "--appeals.delivery.schedule.enabled=false");
  }

  private static AppealApi api(ConfigurableApplicationContext app) {
    String port = app.getEnvironment().getProperty("local.server.port");
    return new AppealApi(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
  }
}
