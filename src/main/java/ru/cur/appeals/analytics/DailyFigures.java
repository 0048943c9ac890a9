package ru.cur.appeals.analytics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * The managers' figures per day of the region's calendar (tables {@code figures_by_place} and
 * {@code figures_by_organization}, see V14): a year of heat map or KPIs sums a few thousand rows instead of
 * counting a million appeals on every request.
 *
 * <p>Every change of an appeal that a figure counts queues the appeal in {@code figures_change} within the
 * change's own transaction; {@link #refresh()} counts the days those appeals count on again, from the appeal
 * rows, and only then takes them off the queue. A day is always counted whole, never adjusted, so a figure
 * cannot drift from the appeals; a change that commits while a refresh runs stays queued for the next one.
 * Readers refresh before they read, so the figures are those of the last committed change; the schedule keeps
 * the queue short so that they rarely have anything to do.
 */
@Component
class DailyFigures {

  /** Changes taken per transaction: the days of a whole import or of the first count of an install, at most. */
  static final int BATCH = 200_000;
  /** Changes taken off the queue per statement. */
  private static final int DELETE_CHUNK = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ReferenceData referenceData;

  DailyFigures(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock,
      ReferenceData referenceData) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
    this.clock = clock;
    this.referenceData = referenceData;
  }

  @Scheduled(fixedDelayString = "${appeals.figures.refresh-delay:PT10S}")
  void refreshOnSchedule() {
    refresh();
  }

  /** Counts again the days of every appeal changed since the last refresh; returns the changes taken. */
  int refresh() {
    // The usual case, without taking the lock: nothing changed since the last refresh.
    if (jdbc.sql("select id from figures_change fetch first 1 rows only").query(Long.class).list().isEmpty()) {
      return 0;
    }
    int taken = 0;
    int batchTaken;
    do {
      batchTaken = transaction.execute(status -> refreshBatch());
      taken += batchTaken;
    } while (batchTaken == BATCH);
    return taken;
  }

  private int refreshBatch() {
    // One node counts at a time: two counting the same day would both insert its rows.
    jdbc.sql("select id from figures_lock where id = 1 for update").query(Integer.class).single();
    List<Long> changes = new ArrayList<>();
    Set<LocalDate> days = new TreeSet<>();
    // Exactly the changes read are taken off the queue: one committed meanwhile waits for the next refresh.
    jdbc.sql("""
        select c.id, c.counted_at, a.received_at, a.answered_at
          from figures_change c left join appeal a on a.id = c.appeal_id
         order by c.id fetch first""" + " " + BATCH + " rows only")
        .query((row, n) -> {
          changes.add(row.getLong("id"));
          addDay(days, row.getObject("counted_at", OffsetDateTime.class));
          addDay(days, row.getObject("received_at", OffsetDateTime.class));
          addDay(days, row.getObject("answered_at", OffsetDateTime.class));
          return null;
        })
        .list();
    days.forEach(this::count);
    for (int from = 0; from < changes.size(); from += DELETE_CHUNK) {
      jdbc.sql("delete from figures_change where id in (:ids)")
          .param("ids", changes.subList(from, Math.min(from + DELETE_CHUNK, changes.size())))
          .update();
    }
    return changes.size();
  }

  private void addDay(Set<LocalDate> days, OffsetDateTime time) {
    if (time != null) {
      days.add(time.atZoneSameInstant(clock.getZone()).toLocalDate());
    }
  }

  private void count(LocalDate day) {
    Map<String, Object> bounds = Map.of(
        "start", day.atStartOfDay(clock.getZone()).toOffsetDateTime(),
        "end", day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
    countPlaces(day, bounds);
    countOrganizations(day, bounds);
  }

  private void countPlaces(LocalDate day, Map<String, Object> bounds) {
    Map<List<String>, long[]> places = new LinkedHashMap<>();
    jdbc.sql("""
        select territory, coalesce(category, category_hint) as category, count(*) as received,
               sum(case when status = 'CLOSED' then 1 else 0 end) as closed
          from appeal where received_at >= :start and received_at < :end
         group by territory, coalesce(category, category_hint)""")
        .params(bounds)
        .query((row, n) -> {
          long[] counts = places.computeIfAbsent(
              List.of(orNone(row.getString("territory")), group(row.getString("category"))),
              place -> new long[2]);
          counts[0] += row.getLong("received");
          counts[1] += row.getLong("closed");
          return null;
        })
        .list();
    jdbc.sql("delete from figures_by_place where on_day = :day").param("day", Date.valueOf(day)).update();
    batch.batchUpdate("insert into figures_by_place (on_day, territory, category, received, closed) values (?, ?, ?, ?, ?)",
        places.entrySet().stream()
            .map(place -> new Object[] {Date.valueOf(day), place.getKey().get(0), place.getKey().get(1),
                place.getValue()[0], place.getValue()[1]})
            .toList());
  }

  private void countOrganizations(LocalDate day, Map<String, Object> bounds) {
    Map<String, long[]> organizations = new LinkedHashMap<>();
    jdbc.sql("""
        select coalesce(a.organization, 'none') as organization, count(*) as received,
               sum(case when a.answered_at is not null then 1 else 0 end) as answered,
               sum(case when d.state in ('MET', 'LATE') then 1 else 0 end) as answer_done,
               sum(case when d.state = 'MET' then 1 else 0 end) as answered_in_time,
               sum(case when a.response_type = 'FAST_TRACK' and a.status = 'CLOSED' then 1 else 0 end)
                   as fast_track_closed,
               sum(case when a.response_type = 'FAST_TRACK' and a.outcome = 'RESOLVED' then 1 else 0 end)
                   as fast_track_resolved
          from appeal a
          left join appeal_deadline d on d.appeal_id = a.id and d.step = 'ANSWER'
         where a.received_at >= :start and a.received_at < :end
         group by coalesce(a.organization, 'none')""")
        .params(bounds)
        .query((row, n) -> organizations.put(row.getString("organization"), new long[] {
            row.getLong("received"), row.getLong("answered"), row.getLong("answer_done"),
            row.getLong("answered_in_time"), row.getLong("fast_track_closed"), row.getLong("fast_track_resolved"), 0}))
        .list();
    jdbc.sql("""
        select coalesce(organization, 'none') as organization, count(*) as answered from appeal
         where answered_at >= :start and answered_at < :end group by coalesce(organization, 'none')""")
        .params(bounds)
        .query((row, n) -> organizations.computeIfAbsent(row.getString("organization"), none -> new long[7])[6] =
            row.getLong("answered"))
        .list();
    jdbc.sql("delete from figures_by_organization where on_day = :day").param("day", Date.valueOf(day)).update();
    batch.batchUpdate("""
        insert into figures_by_organization (on_day, organization, received, answered, answer_done, answered_in_time,
            fast_track_closed, fast_track_resolved, answered_on_day) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        organizations.entrySet().stream()
            .map(organization -> {
              long[] counts = organization.getValue();
              return new Object[] {Date.valueOf(day), organization.getKey(), counts[0], counts[1], counts[2],
                  counts[3], counts[4], counts[5], counts[6]};
            })
            .toList());
  }

  /** The heat map's column of a (sub)category: the catalogue's group. */
  String group(String category) {
    return referenceData.categoryGroup(category).orElse(Analytics.NONE);
  }

  static String orNone(String code) {
    return code == null ? Analytics.NONE : code;
  }
}
