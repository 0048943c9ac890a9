package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * The {@code production} profile as {@code docker/compose.yaml} runs it, everything from environment
 * variables: it starts on PostgreSQL without any Keycloak reachable yet (Keycloak may come up later), creates
 * no users of its own and takes no passwords: only the realm's bearer tokens ({@link KeycloakIT} has the real
 * Keycloak).
 */
class ProductionProfileIT {

  @Test
  void startsOnPostgresFromTheEnvironmentAndTakesNoPasswords() throws SQLException {
    String url = freshDatabase("production_profile");

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AppealEngineApplication.class)
        .profiles("production")
        .run("--server.port=0", "--APPEALS_DB_URL=" + url, "--APPEALS_DB_USER=postgres",
            "--APPEALS_DB_PASSWORD=postgres", "--APPEALS_KEYCLOAK_URL=http://localhost:9",
            "--APPEALS_WEBAPPS_CLIENT_SECRET=unused", "--APPEALS_IDENTITY_CLIENT_SECRET=unused",
            "--APPEALS_SMTP_HOST=localhost", "--APPEALS_MAIL_FROM=ЦУР <noreply@example.ru>")) {
      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
          .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
      assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode().value()).isEqualTo(200);
      // The demo's users do not exist, and no password is taken, not even a right one.
      assertThat(app.getEnvironment().getProperty("appeals.identity")).isEqualTo("keycloak");
      assertThat(count(url, "select count(*) from act_id_user")).isZero();
      ResponseEntity<String> basic = http.withBasicAuth("moderator", "moderator").getForEntity("/api/appeals", String.class);
      assertThat(basic.getStatusCode().value()).isEqualTo(401);
      assertThat(basic.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
      // A browser is sent to Keycloak's login.
      HttpResponse<String> tasklist = new Browser().send(HttpRequest.newBuilder(URI.create("http://localhost:"
          + app.getEnvironment().getProperty("local.server.port") + "/camunda/app/tasklist/default/")).build());
      assertThat(tasklist.statusCode()).isEqualTo(302);
      assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
        Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  static String freshDatabase(String name) throws SQLException {
    try (Connection connection = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("drop database if exists " + name);
      sql.execute("create database " + name);
    }
    return EmbeddedPostgresInitializer.postgres().getJdbcUrl("postgres", name);
  }
}
