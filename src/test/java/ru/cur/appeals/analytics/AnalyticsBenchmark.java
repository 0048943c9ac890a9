package ru.cur.appeals.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.OnPostgres;
import ru.cur.appeals.referencedata.Category;
import ru.cur.appeals.referencedata.Organization;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.referencedata.Territory;

/**
 * Issue 7's target: the heat map and the KPIs over 1,000,000 appeals on PostgreSQL answer in under 300 ms.
 * Not a test (nothing fails on time): {@code ./mvnw -Pbench verify} writes a year of appeals spread over the
 * region's territories, categories, organisations and channels, then prints each figure's median and 95th
 * percentile, in the service and through HTTP, and their ratio to the target.
 */
@OnPostgres
class AnalyticsBenchmark {

  private static final int APPEALS = Integer.getInteger("bench.appeals", 1_000_000);
  private static final int WARM_UP = 5;
  private static final int RUNS = 21;
  private static final double TARGET_MS = 300;

  @Autowired
  JdbcClient jdbc;
  @Autowired
  ReferenceData referenceData;
  @Autowired
  Analytics analytics;
  @Autowired
  DailyFigures figures;
  @Autowired
  TestRestTemplate rest;

  @Test
  void heatMapAndKpiOverAMillionAppeals() {
    long started = System.nanoTime();
    writeAYearOfAppeals();
    System.out.printf(Locale.ROOT, "%nWrote %,d appeals in %.1f s%n", APPEALS, (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    jdbc.sql("insert into figures_change (appeal_id) select id from appeal where id >= 50000000").update();
    int counted = figures.refresh();
    System.out.printf(Locale.ROOT, "Counted the days of %,d changed appeals in %.1f s%n", counted,
        (System.nanoTime() - started) / 1e9);

    LocalDate today = LocalDate.now();
    Period month = new Period(today.minusDays(29), today);
    Period year = new Period(today.minusDays(364), today);
    TestRestTemplate manager = rest.withBasicAuth("manager", "manager");
    List<String[]> rows = new ArrayList<>();
    for (Period period : List.of(month, year)) {
      String days = period.from() + ".." + period.to();
      String query = "from=" + period.from() + "&to=" + period.to();
      rows.add(measure("heat map, service", days, () -> analytics.heatMap(period, null, null)));
      rows.add(measure("heat map, HTTP", days, () -> manager.getForObject("/api/analytics/heatmap?" + query, String.class)));
      rows.add(measure("KPI, service", days, () -> analytics.kpi(period, null)));
      rows.add(measure("KPI, HTTP", days, () -> manager.getForObject("/api/analytics/kpi?" + query, String.class)));
      rows.add(measure("per day, HTTP", days, () -> manager.getForObject("/api/analytics/daily?" + query, String.class)));
    }
    rows.add(measure("overdue list, HTTP", "now", () -> manager.getForObject("/api/analytics/overdue", String.class)));
    System.out.printf(Locale.ROOT, "%n%-20s %-24s %10s %10s %14s%n", "figure", "period", "median ms", "p95 ms",
        "p95 / 300 ms");
    rows.forEach(row -> System.out.printf(Locale.ROOT, "%-20s %-24s %10s %10s %14s%n", (Object[]) row));
  }

  private String[] measure(String figure, String period, Supplier<?> call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.get();
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double p95 = millis[(int) Math.ceil(RUNS * 0.95) - 1];
    return new String[] {figure, period, format(millis[RUNS / 2]), format(p95), format(p95 / TARGET_MS)};
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * Generated in the database: a year of appeals; those of the last 45 days 70 % closed, older ones all closed
   * (a third of the closed resolved); the open ones have deadlines around today, so about half are overdue; answer deadlines and confirmations as the process leaves them.
   */
  private void writeAYearOfAppeals() {
    String territories = array(referenceData.territories().stream().map(Territory::code).toList());
    String categories = array(referenceData.leafCategories().stream().map(Category::code).toList());
    String organizations = array(referenceData.organizations().stream().map(Organization::code).toList());
    jdbc.sql("delete from appeal_deadline where appeal_id >= 50000000").update();
    jdbc.sql("delete from confirmation_request where appeal_id >= 50000000").update();
    jdbc.sql("delete from appeal where id >= 50000000").update();
    jdbc.sql("delete from figures_change").update();
    jdbc.sql("""
        insert into appeal (id, registration_number, channel, text, territory, category, received_at, registered_at,
            status, outcome, organization, response_type, next_due_at, first_replied_at, answered_at, closed_at,
            updated_at)
        select 50000000 + g, 'BENCH-' || g, (array['SOCIAL','POS','OFFICIAL','GOVERNOR','MUNICIPAL','OPEN311'])[1 + g %% 6],
               'Текст', (%s)[1 + g %% %d], (%s)[1 + (g / 7) %% %d], t.received, t.received,
               case when g %% 10 < 7 or g %% 365 > 45 then 'CLOSED' else 'IN_WORK' end,
               case when g %% 10 < 7 or g %% 365 > 45
                    then (case when g %% 3 = 0 then 'RESOLVED' else 'ANSWERED' end) end,
               (%s)[1 + (g / 3) %% %d], (array['INFORM','EXPLAIN','FAST_TRACK'])[1 + g %% 3],
               case when g %% 10 >= 7 and g %% 365 <= 45 then now() + ((g %% 20) - 10) * interval '1 day' end,
               t.received + interval '3 hours',
               case when g %% 10 < 8 or g %% 365 > 45 then t.received + interval '10 days' end,
               case when g %% 10 < 7 or g %% 365 > 45 then t.received + interval '12 days' end, now()
          from generate_series(1, %d) as g,
               lateral (select now() - (g %% 365) * interval '1 day' - (g %% 86400) * interval '1 second' as received) t
        """.formatted(territories, referenceData.territories().size(), categories,
            referenceData.leafCategories().size(), organizations, referenceData.organizations().size(), APPEALS))
        .update();
    jdbc.sql("""
        insert into appeal_deadline (appeal_id, step, started_at, due_at, term, unit, state, done_at)
        select id, 'ANSWER', registered_at, registered_at + interval '30 days', 30, 'CALENDAR_DAYS',
               case when id % 5 = 0 then 'LATE' else 'MET' end, answered_at
          from appeal where id >= 50000000 and answered_at is not null""")
        .update();
    jdbc.sql("""
        insert into confirmation_request (appeal_id, level, organization, token_hash, created_at, due_at, answered_at,
            resolved)
        select id, 1, organization, 'bench-' || id, answered_at, answered_at + interval '10 days',
               answered_at + interval '1 day', id % 4 <> 0
          from appeal where id >= 50000000 and answered_at is not null and id % 6 = 0""")
        .update();
    // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
    jdbc.sql("vacuum analyze").update();
  }

  private static String array(List<String> values) {
    return "array[" + String.join(",", values.stream().map(value -> "'" + value + "'").toList()) + "]";
  }
}
