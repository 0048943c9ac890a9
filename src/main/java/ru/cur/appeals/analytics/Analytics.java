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

  Analytics(JdbcClient jdbc, ReferenceData referenceData, Clock clock) {
    this.jdbc = jdbc;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  HeatMap heatMap(Period period, String channel, Set<String> organizations) {
    String sql = """
        select territory, coalesce(category, category_hint) as category, count(*) as received,
               sum(case when status <> 'CLOSED' then 1 else 0 end) as still_open,
               sum(case when status <> 'CLOSED' and next_due_at < :now then 1 else 0 end) as overdue
          from appeal
         where received_at >= :from and received_at < :to"""
        + (channel == null ? "" : " and channel = :channel")
        + onlyOf(organizations, "organization")
        + " group by territory, coalesce(category, category_hint)";
    Map<String, Object> params = params(period, organizations);
    if (channel != null) {
      params.put("channel", channel);
    }
    Map<List<String>, HeatMap.Counts> cells = new LinkedHashMap<>();
    jdbc.sql(sql).params(params).query((row, n) -> {
      List<String> cell = List.of(orNone(row.getString("territory")), group(row.getString("category")));
      cells.merge(cell, new HeatMap.Counts(row.getLong("received"), row.getLong("still_open"), row.getLong("overdue")),
          HeatMap.Counts::plus);
      return cell;
    }).list();
    List<HeatMap.Cell> ordered = cells.entrySet().stream()
        .map(entry -> cell(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
        .sorted((a, b) -> Long.compare(b.received(), a.received()))
        .toList();
    HeatMap.Counts total = ordered.stream().map(HeatMap.Cell::counts).reduce(HeatMap.Counts.NONE, HeatMap.Counts::plus);
    return new HeatMap(period.from(), period.to(), channel, ordered, total);
  }

  List<OrganizationKpi> kpi(Period period, Set<String> organizations) {
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
    return jdbc.sql("""
        select a.organization,
               count(*) as received,
               sum(case when a.answered_at is not null then 1 else 0 end) as answered,
               sum(case when d.state = 'MET' then 1 else 0 end) as answered_in_time,
               sum(case when d.state in ('MET', 'LATE') then 1 else 0 end) as answer_done,
               percentile_cont(0.5) within group (order by
                   extract(epoch from a.first_replied_at) - extract(epoch from a.registered_at)) as first_reply,
               percentile_cont(0.5) within group (order by case when a.outcome = 'RESOLVED'
                   then extract(epoch from a.closed_at) - extract(epoch from a.registered_at) end) as resolution,
               sum(case when a.response_type = 'FAST_TRACK' and a.status = 'CLOSED' then 1 else 0 end)
                   as fast_track_closed,
               sum(case when a.response_type = 'FAST_TRACK' and a.outcome = 'RESOLVED' then 1 else 0 end)
                   as fast_track_resolved
          from appeal a
          left join appeal_deadline d on d.appeal_id = a.id and d.step = 'ANSWER'
         where a.received_at >= :from and a.received_at < :to and a.organization is not null"""
        + onlyOf(organizations, "a.organization") + " group by a.organization order by count(*) desc, a.organization")
        .params(params)
        .query((row, n) -> {
          String organization = row.getString("organization");
          return new OrganizationKpi(organization, referenceData.organizationName(organization),
              row.getLong("received"), row.getLong("answered"),
              percent(row.getLong("answered_in_time"), row.getLong("answer_done")),
              overdue.getOrDefault(organization, 0L),
              hours(row.getObject("first_reply", Double.class)), hours(row.getObject("resolution", Double.class)),
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

  /**
   * Appeals received and answered on each day of the period. Days are the region's: their bounds are computed
   * here and joined as a table of values, which every database answers alike and with the indexes on the two
   * times.
   */
  List<DailyCounts> daily(Period period, Set<String> organizations) {
    Map<String, Object> params = params(period, organizations);
    StringBuilder days = new StringBuilder();
    List<LocalDate> dates = period.days();
    for (int i = 0; i < dates.size(); i++) {
      days.append(i == 0 ? "" : ", ").append("(").append(i).append(", cast(:start").append(i)
          .append(" as timestamp with time zone), cast(:end").append(i).append(" as timestamp with time zone))");
      params.put("start" + i, dates.get(i).atStartOfDay(clock.getZone()).toOffsetDateTime());
      params.put("end" + i, dates.get(i).plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
    }
    List<String> times = List.of("received_at", "answered_at");
    long[][] counts = new long[dates.size()][times.size()];
    for (int measure = 0; measure < times.size(); measure++) {
      int column = measure;
      String time = "a." + times.get(measure);
      jdbc.sql("select d.n, count(a.id) as appeals from (values " + days + ") as d (n, day_start, day_end)"
              + " join appeal a on " + time + " >= d.day_start and " + time + " < d.day_end"
              + onlyOf(organizations, "a.organization") + " group by d.n")
          .params(params)
          .query((row, n) -> counts[row.getInt("n")][column] = row.getLong("appeals"))
          .list();
    }
    List<DailyCounts> daily = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      daily.add(new DailyCounts(dates.get(i), counts[i][0], counts[i][1]));
    }
    return daily;
  }

  private HeatMap.Cell cell(String territory, String category, HeatMap.Counts counts) {
    return new HeatMap.Cell(territory, NONE.equals(territory) ? NO_TERRITORY : referenceData.territoryName(territory),
        category, NONE.equals(category) ? NO_CATEGORY : referenceData.categoryName(category),
        counts.received(), counts.open(), counts.overdue());
  }

  /** The top-level category of a (sub)category: the heat map's columns are the catalogue's groups. */
  private String group(String category) {
    return referenceData.category(category == null ? NONE : category)
        .map(found -> found.parent() != null ? found.parent() : found.code())
        .orElse(NONE);
  }

  private Map<String, Object> params(Period period, Set<String> organizations) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", OffsetDateTime.now(clock));
    params.put("from", period.start(clock));
    params.put("to", period.end(clock));
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

  private static String orNone(String code) {
    return code == null ? NONE : code;
  }

  private static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static Double hours(Double seconds) {
    return seconds == null ? null : Math.round(seconds / SECONDS_PER_HOUR * 10) / 10.0;
  }
}
