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
 * Records the notices owed to staff (a reminder that a deadline is near), to a user or to every member of
 * a group. Like the residents' {@link Outbox}, a row is written in the transaction that owes it.
 */
@Component
public class StaffNotices {

  private final JdbcClient jdbc;
  private final FormJson json;
  private final Clock clock;

  StaffNotices(JdbcClient jdbc, FormJson json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** A reminder before a deadline for whoever holds the work: the assignee, else the candidate groups. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void remind(Appeal appeal, Recipient recipient, Map<String, ?> details) {
    jdbc.sql("""
        insert into staff_notification (appeal_id, kind, recipient_user, recipient_group, payload, status, created_at)
        values (:appealId, :kind, :user, :group, :payload, :status, :createdAt)""")
        .param("appealId", appeal.id())
        .param("kind", "DEADLINE_REMINDER")
        .param("user", recipient.user())
        .param("group", recipient.group())
        .param("payload", json.text(details))
        .param("status", Outbox.PENDING)
        .param("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
  }

  /** A user or a group, never both. */
  public record Recipient(String user, String group) {

    public static Recipient user(String userId) {
      return new Recipient(userId, null);
    }

    public static Recipient group(String groupId) {
      return new Recipient(null, groupId);
    }
  }
}
