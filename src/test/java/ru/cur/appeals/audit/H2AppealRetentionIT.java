package ru.cur.appeals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.OnH2;

/**
 * The application's rows of an appeal go once it has been closed longer than the retention term (5 years, like the
 * engine's history of it); open appeals and recently closed ones stay, and a node runs the job only while no other
 * node holds it. On H2 only: the job removes every appeal past the term, and the PostgreSQL of the tests is shared by
 * every scenario class.
 */
@OnH2
class H2AppealRetentionIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  AppealRetention retention;

  AppealApi api;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void appealsClosedLongerThanFiveYearsAgoAreRemovedWithTheirRowsAndNothingElse() {
    clockAt("2026-11-02T10:00:00+07:00");
    String closedLongAgo = api.register(post());
    api.complete("moderator", closedLongAgo, "moderate-appeal", Map.of("moderation", "NO_SUBSTANCE"));
    String stillOpen = api.register(post());
    String closedLater = api.register(post());
    clockAt("2026-11-20T10:00:00+07:00");
    api.complete("moderator", closedLater, "moderate-appeal", Map.of("moderation", "NO_SUBSTANCE"));
    assertThat(rows("notification_outbox", closedLongAgo) + rows("appeal_deadline", closedLongAgo)).isPositive();

    clockAt("2031-10-25T10:00:00+07:00");
    assertThat(retention.removeExpired()).as("nothing closed 1825 days ago yet").hasValue(0);

    clockAt("2031-11-10T10:00:00+07:00");
    long receivedThatDay = receivedOn("2026-11-02");
    OptionalInt removed = retention.removeExpired();

    assertThat(removed).hasValue(1);
    // The managers' figures of that day are counted again without it.
    assertThat(receivedOn("2026-11-02")).isEqualTo(receivedThatDay - 1);
    assertThat(api.appeal("auditor", closedLongAgo).getStatusCode().value()).isEqualTo(404);
    assertThat(rows("notification_outbox", closedLongAgo) + rows("appeal_deadline", closedLongAgo)
        + rows("deadline_breach", closedLongAgo)).isZero();
    assertThat(api.appeal("auditor", stillOpen).getStatusCode().value()).isEqualTo(200);
    assertThat(api.appeal("auditor", closedLater).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aNodeLeavesTheJobToTheNodeHoldingItUntilItsLeaseRunsOut() {
    clockAt("2026-11-02T10:00:00+07:00");
    jdbc.sql("update job_lease set held_by = 'other-node', held_until = :until where name = 'appeal-retention'")
        .param("until", OffsetDateTime.parse("2026-11-02T11:00:00+07:00")).update();

    assertThat(retention.removeExpired()).isEmpty();

    clockAt("2026-11-02T11:00:01+07:00");
    assertThat(retention.removeExpired()).isPresent();
    assertThat(jdbc.sql("select held_until from job_lease where name = 'appeal-retention'")
        .query(OffsetDateTime.class).optional()).as("released after the run").isEmpty();
  }

  private long rows(String table, String id) {
    return jdbc.sql("select count(*) from " + table + " t join appeal a on a.id = t.appeal_id where a.registration_number = :id")
        .param("id", id).query(Long.class).single();
  }

  private static void clockAt(String localTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime).toInstant()));
  }

  private static Map<String, Object> post() {
    return Map.of("channel", "SOCIAL", "externalId", "vk-" + UUID.randomUUID(), "text", "Яма во дворе",
        "territory", "berdsk", "category", "roads", "author", Map.of("name", "Пётр", "profileUrl", "https://vk.com/id1"));
  }

  private long receivedOn(String day) {
    List<Map<String, Object>> days = api.as("manager")
        .exchange("/api/analytics/daily?from=" + day + "&to=" + day, HttpMethod.GET, null, AppealApi.LIST).getBody();
    return ((Number) days.get(0).get("received")).longValue();
  }
}
