package ru.cur.appeals.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.OnH2;

/** Operations scrape the appeal engine's figures with Prometheus; they move as appeals arrive and close. */
@OnH2
// Spring Boot's tests leave the metrics registries out unless asked.
@AutoConfigureObservability
class MetricsIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  AppealMetrics metrics;

  AppealApi api;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
  }

  @Test
  void theFiguresMoveAsAnAppealArrivesAndIsModerated() {
    metrics.refresh();
    String before = scrape();

    String id = api.register(Map.of("channel", "SOCIAL", "text", "Яма на дороге у школы", "territory", "berdsk",
        "author", Map.of("name", "Пётр", "profileUrl", "https://vk.com/id1"), "sourceUrl", "https://vk.com/wall-1_9"));
    metrics.refresh();
    String arrived = scrape();

    assertThat(value(arrived, "appeals_received_total{channel=\"SOCIAL\"}"))
        .isEqualTo(value(before, "appeals_received_total{channel=\"SOCIAL\"}") + 1);
    assertThat(value(arrived, "appeals_open{organization=\"none\",status=\"MODERATION\"}"))
        .isEqualTo(value(before, "appeals_open{organization=\"none\",status=\"MODERATION\"}") + 1);
    assertThat(value(arrived, "appeals_outbox{status=\"PENDING\"}"))
        .isGreaterThan(value(before, "appeals_outbox{status=\"PENDING\"}"));
    assertThat(arrived).contains("appeals_deadline_breaches_total{step=\"answer\"}", "camunda_jobs{state=\"failed\"}",
        "camunda_incidents ");

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    metrics.refresh();
    String moderated = scrape();

    assertThat(value(moderated, "appeals_task_completion_seconds_count{task=\"moderate-appeal\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(moderated, "appeals_open{organization=\"berdsk-administration\",status=\"IN_WORK\"}"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyMonitoringAndAdministratorsScrape() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(api.as("manager").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.as("intake").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void healthShowsTheDatabaseTheEngineAndTheProductionCalendar() {
    ResponseEntity<Map<String, Object>> health =
        api.as("admin").exchange("/actuator/health", HttpMethod.GET, null, AppealApi.OBJECT);

    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).extractingByKey("components").asInstanceOf(
        InstanceOfAssertFactories.MAP).containsKeys("db", "engine", "productionCalendar");
  }

  private String scrape() {
    ResponseEntity<String> scraped = api.as("admin").getForEntity("/actuator/prometheus", String.class);
    assertThat(scraped.getStatusCode().value()).isEqualTo(200);
    return scraped.getBody();
  }

  /** A sample's value in Prometheus' text format; 0 where the series does not exist yet. */
  private static double value(String scraped, String series) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scraped);
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
