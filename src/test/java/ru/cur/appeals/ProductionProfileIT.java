package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * The {@code production} profile as {@code docker/compose.yaml} runs it: PostgreSQL and the
 * administrator from environment variables only, on a database of its own, and no demo identities.
 */
class ProductionProfileIT {

  @Test
  void startsOnPostgresFromTheEnvironmentWithItsAdministratorAndWithoutDemoUsers() throws SQLException {
    String url = freshDatabase("production_profile");

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AppealEngineApplication.class)
        .profiles("production")
        .run("--server.port=0", "--APPEALS_DB_URL=" + url, "--APPEALS_DB_USER=postgres",
            "--APPEALS_DB_PASSWORD=postgres", "--APPEALS_ADMIN_USER=root-of-trust",
            "--APPEALS_ADMIN_PASSWORD=s3cret-from-env")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("root-of-trust", "s3cret-from-env")).isTrue();
      assertThat(identity.createUserQuery().userId("moderator").count()).isZero();
      assertThat(identity.createGroupQuery().groupMember("root-of-trust").list())
          .extracting(group -> group.getId()).contains("camunda-admin");

      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
          .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
      assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode().value()).isEqualTo(200);
      assertThat(http.withBasicAuth("moderator", "moderator").getForEntity("/api/appeals", String.class)
          .getStatusCode().value()).isEqualTo(401);
      ResponseEntity<Map> appeals = http.withBasicAuth("root-of-trust", "s3cret-from-env")
          .getForEntity("/api/appeals", Map.class);
      assertThat(appeals.getStatusCode().value()).isEqualTo(200);
      assertThat(appeals.getBody()).containsEntry("total", 0);
    }
  }

  private static String freshDatabase(String name) throws SQLException {
    try (Connection connection = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("drop database if exists " + name);
      sql.execute("create database " + name);
    }
    return EmbeddedPostgresInitializer.postgres().getJdbcUrl("postgres", name);
  }
}
