package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' figures on known data: appeals of March 2025 written straight into the tables (the
 * application's clock set to 10 April 2025), so every count, share and median is known in advance. Other
 * scenarios' appeals are of later dates and never in the period.
 */
abstract class AnalyticsScenarios {

  private static final ZoneId REGION = ZoneId.of("Asia/Novosibirsk");
  private static final String MARCH = "from=2025-03-01&to=2025-03-31";
  private static final String OB = "ob-polyclinic";
  private static final String TOGUCHIN = "toguchinsky-polyclinic";
  private static final AtomicLong IDS = new AtomicLong(990_000);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  AppealApi api;

  @BeforeEach
  void marchOfTwoPolyclinics() {
    api = new AppealApi(rest);
    ClockUtil.setCurrentTime(Date.from(at(2025, 4, 10, 12, 0).toInstant()));
    if (jdbc.sql("select count(*) from appeal where organization = :o").param("o", OB).query(Long.class).single() > 0) {
      return;
    }
    long resolved = appeal(OB, "ob", "OFFICIAL", "healthcare.appointment", null, at(2025, 3, 2, 10, 0), "CLOSED",
        "RESOLVED", "FAST_TRACK", null);
    replied(resolved, 2);
    answered(resolved, at(2025, 3, 10, 10, 0), at(2025, 3, 12, 16, 0), "MET");
    long late = appeal(OB, "ob", "OFFICIAL", "healthcare.quality", null, at(2025, 3, 5, 9, 0), "CLOSED", "ANSWERED",
        "EXPLAIN", null);
    replied(late, 4);
    answered(late, at(2025, 3, 30, 9, 0), at(2025, 3, 31, 9, 0), "LATE");
    long overdue = appeal(OB, "ob", "OFFICIAL", "healthcare.medicines", null, at(2025, 3, 20, 11, 0), "IN_WORK", null,
        "EXPLAIN", at(2025, 4, 1, 18, 0));
    replied(overdue, 6);
    // A social post waiting for moderation: only the channel's hint names its category.
    appeal(OB, "ob", "SOCIAL", null, "roads", at(2025, 3, 31, 23, 30), "MODERATION", null, null, at(2025, 4, 20, 18, 0));
    // Received on 1 April, after the period: not counted as received, but overdue now.
    appeal(OB, "ob", "OFFICIAL", "healthcare.appointment", null, at(2025, 4, 1, 0, 10), "IN_WORK", null, "EXPLAIN",
        at(2025, 4, 2, 18, 0));
    long toguchin = appeal(TOGUCHIN, "toguchinsky-district", "POS", "healthcare.appointment", null,
        at(2025, 3, 15, 8, 0), "CLOSED", "ANSWERED", "FAST_TRACK", null);
    answered(toguchin, at(2025, 3, 16, 8, 0), at(2025, 3, 17, 8, 0), "MET");
    confirmation(resolved, at(2025, 3, 12, 16, 0), true);
    confirmation(late, at(2025, 3, 31, 9, 0), false);
    confirmation(overdue, at(2025, 3, 25, 9, 0), null);
    // Still within its window on 10 April: not counted either way.
    confirmation(overdue, at(2025, 4, 8, 9, 0), null);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theHeatMapCountsReceivedOpenAndOverdueByTerritoryAndCategoryGroup() {
    Map<String, Object> heatMap = get("manager", "/api/analytics/heatmap?" + MARCH);

    assertThat(cells(heatMap)).containsExactlyInAnyOrder(
        Map.of("territory", "ob", "territoryName", "город Обь", "category", "healthcare",
            "categoryName", "Здравоохранение", "received", 3, "open", 1, "overdue", 1),
        Map.of("territory", "ob", "territoryName", "город Обь", "category", "roads",
            "categoryName", "Дороги", "received", 1, "open", 1, "overdue", 0),
        Map.of("territory", "toguchinsky-district", "territoryName", "Тогучинский район", "category", "healthcare",
            "categoryName", "Здравоохранение", "received", 1, "open", 0, "overdue", 0));
    assertThat(heatMap.get("total")).isEqualTo(Map.of("received", 5, "open", 2, "overdue", 1));
    assertThat(heatMap).containsEntry("from", "2025-03-01").containsEntry("to", "2025-03-31");

    // One channel's heat map counts that channel's appeals themselves: the same cells, fewer appeals.
    Map<String, Object> social = get("manager", "/api/analytics/heatmap?" + MARCH + "&channel=SOCIAL");
    assertThat(cells(social)).extracting(cell -> cell.get("category")).containsExactly("roads");
    Map<String, Object> official = get("manager", "/api/analytics/heatmap?" + MARCH + "&channel=OFFICIAL");
    assertThat(cells(official)).containsExactly(Map.of("territory", "ob", "territoryName", "город Обь",
        "category", "healthcare", "categoryName", "Здравоохранение", "received", 3, "open", 1, "overdue", 1));
  }

  @Test
  void theFiguresFollowAnAppealAsTheApplicationRegistersRoutesAndClosesIt() {
    String today = "from=2025-04-10&to=2025-04-10";
    String id = api.register(Map.of(
        "channel", "OFFICIAL",
        "externalId", "figures-" + UUID.randomUUID(),
        "text", "Не работает лифт в поликлинике",
        "author", Map.of("name", "Пётр Иванов", "email", "ivanov@example.ru"),
        "territory", "berdsk",
        "category", "healthcare",
        "receivedAt", at(2025, 4, 10, 11, 0).toString()));

    assertThat(get("manager", "/api/analytics/heatmap?" + today).get("total"))
        .isEqualTo(Map.of("received", 1, "open", 1, "overdue", 0));
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    assertThat(list("manager", "/api/analytics/kpi?" + today)).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("organization", "berdsk-polyclinic")
            .containsEntry("received", 1).containsEntry("answered", 0));

    assertThat(api.withdraw(id).getStatusCode().value()).isEqualTo(200);
    assertThat(cells(get("manager", "/api/analytics/heatmap?" + today))).singleElement()
        .isEqualTo(Map.of("territory", "berdsk", "territoryName", "город Бердск", "category", "healthcare",
            "categoryName", "Здравоохранение", "received", 1, "open", 0, "overdue", 0));
    assertThat(list("manager", "/api/analytics/daily?" + today))
        .filteredOn(day -> !Integer.valueOf(0).equals(day.get("received")))
        .containsExactly(Map.of("date", "2025-04-10", "received", 1, "answered", 0));
  }

  @Test
  void anOrganisationsKpisAreItsAnswersInTimeMediansAndResidentsConfirmations() {
    List<Map<String, Object>> kpi = list("supervisor", "/api/analytics/kpi?" + MARCH);

    assertThat(kpi).extracting(row -> row.get("organization")).containsExactly(OB, TOGUCHIN);
    Map<String, Object> ob = kpi.get(0);
    assertThat(ob).containsEntry("organizationName", "ГБУЗ НСО «Обская городская больница», поликлиника")
        .containsEntry("received", 4)
        .containsEntry("answered", 2)
        .containsEntry("answeredInTimePercent", 50.0)
        .containsEntry("overdueNow", 2)
        .containsEntry("medianHoursToFirstReply", 4.0)
        // 2 March 10:00 to 12 March 16:00.
        .containsEntry("medianHoursToResolution", 246.0)
        .containsEntry("fastTrackResolvedPercent", 100.0)
        .containsEntry("confirmedByResidentsPercent", 33.3);
    assertThat(kpi.get(1)).containsEntry("received", 1).containsEntry("answeredInTimePercent", 100.0)
        .containsEntry("fastTrackResolvedPercent", 0.0)
        .containsEntry("medianHoursToFirstReply", null)
        .containsEntry("confirmedByResidentsPercent", null);
  }

  @Test
  void eachDayOfThePeriodHasTheAppealsReceivedAndAnsweredOnIt() {
    List<Map<String, Object>> days = list("manager", "/api/analytics/daily?" + MARCH);

    assertThat(days).hasSize(31);
    assertThat(days.get(0)).isEqualTo(Map.of("date", "2025-03-01", "received", 0, "answered", 0));
    Map<Object, Object> received = new java.util.TreeMap<>();
    Map<Object, Object> answered = new java.util.TreeMap<>();
    days.forEach(day -> {
      if (((Number) day.get("received")).longValue() > 0) {
        received.put(day.get("date"), day.get("received"));
      }
      if (((Number) day.get("answered")).longValue() > 0) {
        answered.put(day.get("date"), day.get("answered"));
      }
    });
    // The post of 31 March 23:30 in Novosibirsk is 31 March's, though it is still 16:30 UTC.
    assertThat(received).isEqualTo(Map.of("2025-03-02", 1, "2025-03-05", 1, "2025-03-15", 1, "2025-03-20", 1,
        "2025-03-31", 1));
    assertThat(answered).isEqualTo(Map.of("2025-03-10", 1, "2025-03-16", 1, "2025-03-30", 1));
  }

  @Test
  void theOverdueListStartsWithTheLongestOverdueAndLeadsToTheProcessInstance() {
    List<Map<String, Object>> overdue = list("supervisor", "/api/analytics/overdue");

    assertThat(overdue).extracting(appeal -> appeal.get("dueAt").toString().substring(0, 10))
        .containsExactly("2025-04-01", "2025-04-02");
    assertThat(overdue.get(0)).containsEntry("organization", OB).containsEntry("status", "IN_WORK")
        .containsEntry("categoryName", "Лекарственное обеспечение").containsEntry("territoryName", "город Обь")
        .containsKey("processInstanceId");
    assertThat(list("executor", "/api/analytics/overdue")).isEmpty();
  }

  @Test
  void anOrganisationSeesOnlyItsOwnFiguresAndChannelSystemsNone() {
    assertThat(list("executor", "/api/analytics/kpi?" + MARCH)).isEmpty();
    assertThat(get("executor", "/api/analytics/heatmap?" + MARCH).get("total"))
        .isEqualTo(Map.of("received", 0, "open", 0, "overdue", 0));
    assertThat(api.as("intake").getForEntity("/api/analytics/kpi", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void aPeriodMustBeRealDaysInOrderAndAtMostAYear() {
    for (String query : List.of("from=2025-03-31&to=2025-03-01", "from=2024-01-01&to=2025-03-01", "from=март")) {
      ResponseEntity<Map<String, Object>> refused =
          api.as("manager").exchange("/api/analytics/kpi?" + query, HttpMethod.GET, null, AppealApi.OBJECT);
      assertThat(refused.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    }
  }

  private long appeal(String organization, String territory, String channel, String category, String hint,
      OffsetDateTime received, String status, String outcome, String responseType, OffsetDateTime nextDue) {
    long id = IDS.incrementAndGet();
    jdbc.sql("""
        insert into appeal (id, registration_number, channel, text, territory, category, category_hint, received_at,
            registered_at, status, outcome, organization, response_type, next_due_at, updated_at)
        values (:id, :number, :channel, 'Текст', :territory, :category, :hint, :received, :received, :status,
            :outcome, :organization, :responseType, :nextDue, :received)""")
        .param("id", id).param("number", "ТЕСТ-2025-" + id).param("channel", channel).param("territory", territory)
        .param("category", category).param("hint", hint).param("received", received).param("status", status)
        .param("outcome", outcome).param("organization", organization).param("responseType", responseType)
        .param("nextDue", nextDue)
        .update();
    countAgain(id);
    return id;
  }

  private void replied(long appeal, int hoursAfterRegistration) {
    OffsetDateTime registered = jdbc.sql("select registered_at from appeal where id = :id").param("id", appeal)
        .query(OffsetDateTime.class).single();
    jdbc.sql("update appeal set first_replied_at = :replied where id = :id")
        .param("replied", registered.plusHours(hoursAfterRegistration)).param("id", appeal).update();
  }

  private void answered(long appeal, OffsetDateTime answeredAt, OffsetDateTime closedAt, String answerState) {
    jdbc.sql("update appeal set answered_at = :answered, closed_at = :closed where id = :id")
        .param("answered", answeredAt).param("closed", closedAt).param("id", appeal).update();
    jdbc.sql("""
        insert into appeal_deadline (appeal_id, step, started_at, due_at, term, unit, state, done_at)
        values (:id, 'ANSWER', :answered, :answered, 30, 'CALENDAR_DAYS', :state, :answered)""")
        .param("id", appeal).param("answered", answeredAt).param("state", answerState).update();
    countAgain(appeal);
  }

  /** What every change of the application does in its transaction: the appeal's days are counted again. */
  private void countAgain(long appeal) {
    jdbc.sql("insert into figures_change (appeal_id) values (:id)").param("id", appeal).update();
  }

  private void confirmation(long appeal, OffsetDateTime asked, Boolean resolved) {
    jdbc.sql("""
        insert into confirmation_request (appeal_id, level, organization, token_hash, created_at, due_at,
            answered_at, resolved)
        values (:id, 1, :organization, :hash, :asked, :due, :answered, :resolved)""")
        .param("id", appeal).param("organization", OB).param("hash", "test-" + appeal + "-" + asked.toEpochSecond())
        .param("asked", asked).param("due", asked.plusDays(10))
        .param("answered", resolved == null ? null : asked.plusDays(1)).param("resolved", resolved)
        .update();
  }

  private static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(REGION).toOffsetDateTime();
  }

  private Map<String, Object> get(String user, String path) {
    ResponseEntity<Map<String, Object>> response = api.as(user).exchange(path, HttpMethod.GET, null, AppealApi.OBJECT);
    assertThat(response.getStatusCode().value()).as("%s: %s", path, response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = api.as(user).exchange(path, HttpMethod.GET, null, AppealApi.LIST);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cells(Map<String, Object> heatMap) {
    return (List<Map<String, Object>>) heatMap.get("cells");
  }
}
