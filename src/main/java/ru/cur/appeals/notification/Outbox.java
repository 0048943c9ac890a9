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
import ru.cur.appeals.system.FormJson;

/**
 * Records the notices owed to residents. A notice is written in the transaction of the step that
 * owes it, so it exists exactly when the step happened; delivery reads the table afterwards.
 */
@Component
public class Outbox {

  static final String PENDING = "PENDING";

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
    jdbc.sql("""
        insert into notification_outbox (appeal_id, kind, channel, payload, status, created_at)
        values (:appealId, :kind, :channel, :payload, :status, :createdAt)""")
        .param("appealId", appeal.id())
        .param("kind", kind.name())
        .param("channel", appeal.channel().name())
        .param("payload", json.text(details))
        .param("status", PENDING)
        .param("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
  }

}
