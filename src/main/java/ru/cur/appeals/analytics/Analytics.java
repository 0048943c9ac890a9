package ru.cur.appeals.analytics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * The managers' figures, counted in the application's own tables (never in Camunda's history): the appeal
 * row carries its status, organisation, earliest open deadline and the times of its first reply, answer and
 * closing; deadlines and confirmations have their own tables. Readers of one organisation get its figures
 * only ({@code organizations}; {@code null} for all).
 */
@Component
class Analytics {

  static final String NONE = "none";
  private static final String NO_TERRITORY = "Территория не указана";
  private static final String NO_CATEGORY = "Без категории";
  private static final double SECONDS_PER_HOUR = 3600.0;

  private final JdbcClient jdbc;
  private final ReferenceData referenceData;
  private final Clock clock;
  private final DailyFigures figures;

  Analytics(JdbcClient jdbc, ReferenceData referenceData, Clock clock, DailyFigures figures) {
    this.jdbc = jdbc;
    this.referenceData = referenceData;
    this.clock = clock;
    this.figures = figures;
  }

  /**
   * The region's heat map sums the days' figures and counts the open appeals past a deadline now; a heat map
   * of one channel or of a reader's own organisations counts their appeals (a fraction of the region's).
   */
  HeatMap heatMap(Period period, String channel, Set<String> organizations) {
    Map<String, Object> params = params(period, organizations);
    Map<List<String>, HeatMap.Counts> cells = new LinkedHashMap<>();
    if (channel == null && organizations == null) {
      figures.refresh();
      jdbc.sql("""
          select territory, category, sum(received) as received, sum(closed) as closed from figures_by_place
           where on_day >= :fromDay and on_day <= :toDay group by territory, category""")
          .params(params)
          .query((row, n) -> add(cells, row.getString("territory"), row.getString("category"),
              new HeatMap.Counts(row.getLong("received"), row.getLong("received") - row.getLong("closed"), 0)))
          .list();
      jdbc.sql("""
          select territory, coalesce(category, category_hint) as category, count(*) as overdue from appeal
           where next_due_at < :now and status <> 'CLOSED' and received_at >= :from and received_at < :to
           group by territory, coalesce(category, category_hint)""")
          .params(params)
          .query((row, n) -> add(cells, DailyFigures.orNone(row.getString("territory")),
              figures.group(row.getString("category")), new HeatMap.Counts(0, 0, row.getLong("overdue"))))
          .list();
    } else {
      if (channel != null) {
        params.put("channel", channel);
      }
      jdbc.sql("""
          select territory, coalesce(category, category_hint) as category, count(*) as received,
                 sum(case when status <> 'CLOSED' then 1 else 0 end) as still_open,
                 sum(case when status <> 'CLOSED' and next_due_at < :now then 1 else 0 end) as overdue
            from appeal
           where received_at >= :from and received_at < :to"""
          + (channel == null ? "" : " and channel = :channel")
          + onlyOf(organizations, "organization")
          + " group by territory, coalesce(category, category_hint)")
          .params(params)
          .query((row, n) -> add(cells, DailyFigures.orNone(row.getString("territory")),
              figures.group(row.getString("category")),
              new HeatMap.Counts(row.getLong("received"), row.getLong("still_open"), row.getLong("overdue"))))
          .list();
    }
    List<HeatMap.Cell> ordered = cells.entrySet().stream()
        .map(entry -> cell(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
        .sorted((a, b) -> Long.compare(b.received(), a.received()))
        .toList();
    HeatMap.Counts total = ordered.stream().map(HeatMap.Cell::counts).reduce(HeatMap.Counts.NONE, HeatMap.Counts::plus);
    return new HeatMap(period.from(), period.to(), channel, ordered, total);
  }

  private static HeatMap.Counts add(Map<List<String>, HeatMap.Counts> cells, String territory, String category,
      HeatMap.Counts counts) {
    return cells.merge(List.of(territory, category), counts, HeatMap.Counts::plus);
  }

  /**
   * The organisations' counts are the days' figures; the medians are taken over the period's appeals (a
   * median is no sum of days), the overdue and the residents' confirmations are counted live.
   */
  List<OrganizationKpi> kpi(Period period, Set<String> organizations) {
    figures.refresh();
    Map<String, Object> params = params(period, organizations);
    Map<String, Long> overdue = new HashMap<>();
    jdbc.sql("""
        select a.organization, count(*) as overdue from appeal a
         where a.status <> 'CLOSED' and a.next_due_at < :now and a.organization is not null"""
        + onlyOf(organizations, "a.organization") + " group by a.organization")
        .params(params)
        .query((row, n) -> overdue.put(row.getString("organization"), row.getLong("overdue"))).list();
    Map<String, Double> confirmed = new HashMap<>();
    jdbc.sql("""
        select c.organization, count(*) as asked, sum(case when c.resolved then 1 else 0 end) as confirmed
          from confirmation_request c
         where c.created_at >= :from and c.created_at < :to and (c.answered_at is not null or c.due_at < :now)"""
        + onlyOf(organizations, "c.organization") + " group by c.organization")
        .params(params)
        .query((row, n) -> confirmed.put(row.getString("organization"),
            percent(row.getLong("confirmed"), row.getLong("asked")))).list();
    Map<String, Double[]> medians = new HashMap<>();
    jdbc.sql("""
        select a.organization,
               percentile_cont(0.5) within group (order by
                   extract(epoch from a.first_replied_at) - extract(epoch from a.registered_at)) as first_reply,
               percentile_cont(0.5) within group (order by case when a.outcome = 'RESOLVED'
                   then extract(epoch from a.closed_at) - extract(epoch from a.registered_at) end) as resolution
          from appeal a
         where a.received_at >= :from and a.received_at < :to and a.organization is not null
           and (a.first_replied_at is not null or a.outcome = 'RESOLVED')"""
        + onlyOf(organizations, "a.organization") + " group by a.organization")
        .params(params)
        .query((row, n) -> medians.put(row.getString("organization"), new Double[] {
            hours(row.getObject("first_reply", Double.class)), hours(row.getObject("resolution", Double.class))}))
        .list();
    return jdbc.sql("""
        select organization, sum(received) as received, sum(answered) as answered, sum(answer_done) as answer_done,
               sum(answered_in_time) as answered_in_time, sum(fast_track_closed) as fast_track_closed,
               sum(fast_track_resolved) as fast_track_resolved
          from figures_by_organization
         where on_day >= :fromDay and on_day <= :toDay and organization <> 'none'"""
        + onlyOf(organizations, "organization")
        + " group by organization having sum(received) > 0 order by sum(received) desc, organization")
        .params(params)
        .query((row, n) -> {
          String organization = row.getString("organization");
          Double[] median = medians.getOrDefault(organization, new Double[2]);
          return new OrganizationKpi(organization, referenceData.organizationName(organization),
              row.getLong("received"), row.getLong("answered"),
              percent(row.getLong("answered_in_time"), row.getLong("answer_done")),
              overdue.getOrDefault(organization, 0L), median[0], median[1],
              percent(row.getLong("fast_track_resolved"), row.getLong("fast_track_closed")),
              confirmed.get(organization));
        })
        .list();
  }

  /** The open appeals past a deadline now, the longest overdue first (at most {@code limit}). */
  List<OverdueAppeal> overdue(Set<String> organizations, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", OffsetDateTime.now(clock));
    params.put("limit", limit);
    if (organizations != null) {
      params.put("organizations", organizations.isEmpty() ? Set.of(NONE) : organizations);
    }
    return jdbc.sql("""
            select registration_number, organization, status, coalesce(category, category_hint) as category,
                   territory, next_due_at, process_instance_id
              from appeal where status <> 'CLOSED' and next_due_at < :now"""
            + onlyOf(organizations, "organization") + " order by next_due_at, registration_number limit :limit")
        .params(params)
        .query((row, n) -> {
          String organization = row.getString("organization");
          String category = row.getString("category");
          String territory = row.getString("territory");
          return new OverdueAppeal(row.getString("registration_number"), organization,
              organization == null ? null : referenceData.organizationName(organization), row.getString("status"),
              category == null ? NO_CATEGORY : referenceData.categoryName(category),
              territory == null ? NO_TERRITORY : referenceData.territoryName(territory),
              row.getObject("next_due_at", OffsetDateTime.class), row.getString("process_instance_id"));
        })
        .list();
  }

  /** Appeals received and answered on each day of the period, from the days' figures. */
  List<DailyCounts> daily(Period period, Set<String> organizations) {
    figures.refresh();
    Map<LocalDate, long[]> counts = new HashMap<>();
    jdbc.sql("""
        select on_day, sum(received) as received, sum(answered_on_day) as answered from figures_by_organization
         where on_day >= :fromDay and on_day <= :toDay""" + onlyOf(organizations, "organization") + " group by on_day")
        .params(params(period, organizations))
        .query((row, n) -> counts.put(row.getObject("on_day", LocalDate.class),
            new long[] {row.getLong("received"), row.getLong("answered")}))
        .list();
    return period.days().stream()
        .map(day -> {
          long[] count = counts.getOrDefault(day, new long[2]);
          return new DailyCounts(day, count[0], count[1]);
        })
        .toList();
  }

  private HeatMap.Cell cell(String territory, String category, HeatMap.Counts counts) {
    return new HeatMap.Cell(territory, NONE.equals(territory) ? NO_TERRITORY : referenceData.territoryName(territory),
        category, NONE.equals(category) ? NO_CATEGORY : referenceData.categoryName(category),
        counts.received(), counts.open(), counts.overdue());
  }

  private Map<String, Object> params(Period period, Set<String> organizations) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", OffsetDateTime.now(clock));
    params.put("from", period.start(clock));
    params.put("to", period.end(clock));
    params.put("fromDay", period.from());
    params.put("toDay", period.to());
    if (organizations != null) {
      // "in ()" is not SQL: a reader of no organisation matches none.
      params.put("organizations", organizations.isEmpty() ? Set.of(NONE) : organizations);
    }
    return params;
  }

  /** The reader's organisations, where the reader does not see all. */
  private static String onlyOf(Set<String> organizations, String column) {
    return organizations == null ? "" : " and " + column + " in (:organizations)";
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static Double hours(Double seconds) {
    return seconds == null ? null : Math.round(seconds / SECONDS_PER_HOUR * 10) / 10.0;
  }
}
