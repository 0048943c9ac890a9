package ru.cur.appeals.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Page;

/** The staff's side of {@code notification_outbox}: finding notices, counting them, sending one again. */
@Component
class NoticeRecords {

  private static final String COLUMNS = """
      n.id, a.registration_number, n.kind, n.channel, n.status, n.attempts, n.next_attempt_at, n.last_error,
      n.delivered_via, n.created_at, n.sent_at""";

  private final JdbcClient jdbc;
  private final Clock clock;

  NoticeRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Newest first, optionally of one status and of one appeal. */
  Page<NoticeView> find(NoticeStatus status, String registrationNumber, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      where.append(" and n.status = ?");
      params.add(status.name());
    }
    if (registrationNumber != null) {
      where.append(" and a.registration_number = ?");
      params.add(registrationNumber);
    }
    String from = " from notification_outbox n join appeal a on a.id = n.appeal_id";
    long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<NoticeView> items = jdbc.sql("select " + COLUMNS + from + where + " order by n.id desc limit ? offset ?")
        .params(pageParams).query(NoticeRecords::map).list();
    return new Page<>(items, page, size, total);
  }

  Optional<NoticeView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from notification_outbox n join appeal a on a.id = n.appeal_id"
            + " where n.id = :id")
        .param("id", id).query(NoticeRecords::map).optional();
  }

  /** Every status but SENT, which grows for ever and alarms nobody. */
  Map<NoticeStatus, Long> countUnsent() {
    Map<NoticeStatus, Long> counts = new EnumMap<>(NoticeStatus.class);
    for (NoticeStatus status : NoticeStatus.values()) {
      if (status != NoticeStatus.SENT) {
        counts.put(status, 0L);
      }
    }
    jdbc.sql("""
        select status, count(*) as notices from notification_outbox
        where status in ('PENDING', 'SENDING', 'FAILED', 'UNDELIVERABLE') group by status""")
        .query(rs -> {
          counts.put(NoticeStatus.valueOf(rs.getString("status")), rs.getLong("notices"));
        });
    return counts;
  }

  /**
   * A FAILED or UNDELIVERABLE notice becomes due now, with a fresh count of attempts (the last error stays until the
   * next attempt ends).
   *
   * @return false when the notice is in neither state
   */
  boolean sendAgain(long id) {
    return jdbc.sql("""
        update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now
        where id = :id and status in ('FAILED', 'UNDELIVERABLE')""")
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).param("id", id)
        .update() == 1;
  }

  private static NoticeView map(ResultSet rs, int row) throws SQLException {
    return new NoticeView(rs.getLong("id"), rs.getString("registration_number"), rs.getString("kind"),
        rs.getString("channel"), NoticeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
        rs.getString("delivered_via"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class));
  }
}
