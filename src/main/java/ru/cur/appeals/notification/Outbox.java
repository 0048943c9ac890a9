package ru.cur.appeals.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.notification.delivery.NoticeStatus;
import ru.cur.appeals.system.FormJson;

/**
 * Records the notices owed to residents. A notice is written in the transaction of the step that
 * owes it, so it exists exactly when the step happened; delivery ({@code notification/delivery}) reads
 * the table afterwards and sends each notice once it is due.
 */
@Component
public class Outbox {

  static final String PENDING = NoticeStatus.PENDING.name();

  private final JdbcClient jdbc;
  private final FormJson json;
  private final Clock clock;

  public Outbox(JdbcClient jdbc, FormJson json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Owes the appeal's author a notice; details are what the notice's text needs. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void owe(Appeal appeal, NoticeKind kind, Map<String, ?> details) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    jdbc.sql("""
        insert into notification_outbox (appeal_id, kind, channel, payload, status, created_at, next_attempt_at)
        values (:appealId, :kind, :channel, :payload, :status, :now, :now)""")
        .param("appealId", appeal.id())
        .param("kind", kind.name())
        .param("channel", appeal.channel().name())
        .param("payload", json.text(details))
        .param("status", PENDING)
        .param("now", now)
        .update();
  }

}
