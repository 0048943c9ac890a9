package ru.cur.appeals.audit;

import static ru.cur.appeals.audit.AuditEventType.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.regulation.Step;
import ru.cur.appeals.system.RegionTime;

/**
 * What the application's own tables hold about an appeal and the engine's history does not: its registration and
 * close, deadlines met or missed and by whom, escalations, reminders, the notices owed to the resident and their
 * delivery, printed letters, confirmation requests and the resident's answers, and the delegation levels.
 */
@Component
class AppealHistory {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RegionTime regionTime;

  AppealHistory(JdbcClient jdbc, Clock clock, RegionTime regionTime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.regionTime = regionTime;
  }

  List<AuditEvent> eventsOf(Appeal appeal) {
    List<AuditEvent> events = new ArrayList<>();
    events.add(event(APPEAL_RECEIVED, appeal.receivedAt(), AuditEvent.SYSTEM,
        "Поступило по каналу «" + appeal.channel().title() + "»", new Details().put("channel", appeal.channel())
            .put("externalId", appeal.externalId()).put("sourceUrl", appeal.sourceUrl())));
    events.add(event(APPEAL_REGISTERED, appeal.registeredAt(), AuditEvent.SYSTEM,
        "Зарегистрировано под номером " + appeal.registrationNumber(),
        new Details().put("registrationNumber", appeal.registrationNumber()).put("repeatOf", appeal.repeatOf())));
    deadlines(appeal, events);
    // A reminder and the escalation of one deadline may fall on one instant: the reminder came first.
    reminders(appeal, events);
    breaches(appeal, events);
    notices(appeal, events);
    letters(appeal, events);
    confirmations(appeal, events);
    levels(appeal, events);
    if (appeal.answeredAt() != null) {
      events.add(event(ANSWERED, appeal.answeredAt(), AuditEvent.SYSTEM, "Ответ организации " + appeal.organization(),
          new Details().put("organization", appeal.organization()).put("answer", appeal.answerText())));
    }
    if (appeal.closedAt() != null) {
      events.add(event(APPEAL_CLOSED, appeal.closedAt(), AuditEvent.SYSTEM,
          "Закрыто с исходом " + appeal.outcome() + (appeal.closingReason() == null ? "" : " (" + appeal.closingReason() + ")"),
          new Details().put("outcome", appeal.outcome()).put("closingReason", appeal.closingReason())
              .put("duplicateOf", appeal.duplicateOf()).put("forwardedTo", appeal.forwardedTo())
              .put("problem", appeal.problem())));
    }
    return events;
  }

  /** The appeal's deadlines as they stand: the step, its due time, met or missed, and who held it when missed. */
  List<AuditDeadline> deadlinesOf(Appeal appeal) {
    return jdbc.sql("""
        select d.step, d.started_at, d.due_at, d.state, d.done_at, d.extended_days,
          (select max(b.organization) from deadline_breach b where b.appeal_id = d.appeal_id and b.step = d.step) missed_by
        from appeal_deadline d where d.appeal_id = :id order by d.started_at, d.step""")
        .param("id", appeal.id())
        .query((rs, row) -> new AuditDeadline(rs.getString("step"), title(rs.getString("step")), time(rs, "started_at"),
            time(rs, "due_at"), rs.getString("state"), time(rs, "done_at"), (Integer) rs.getObject("extended_days"),
            rs.getString("missed_by")))
        .list();
  }

  /** The problem's process instance, when the appeal joined a problem. */
  Optional<String> problemProcessOf(Appeal appeal) {
    if (appeal.problem() == null) {
      return Optional.empty();
    }
    return jdbc.sql("select process_instance_id from problem where number = :number")
        .param("number", appeal.problem()).query(String.class).optional();
  }

  private void deadlines(Appeal appeal, List<AuditEvent> events) {
    for (AuditDeadline deadline : deadlinesOf(appeal)) {
      events.add(event(DEADLINE_SET, deadline.startedAt(), AuditEvent.SYSTEM,
          "Срок «" + deadline.title() + "» до " + regionTime.dateTime(deadline.due()),
          new Details().put("step", deadline.step()).put("due", deadline.due())
              .put("extendedDays", deadline.extendedDays())));
      AuditEventType outcome = switch (deadline.state()) {
        case "MET" -> DEADLINE_MET;
        case "LATE" -> DEADLINE_MISSED;
        case "CANCELLED" -> DEADLINE_CANCELLED;
        default -> deadline.due().isBefore(clock.instant()) ? DEADLINE_MISSED : null;
      };
      if (outcome != null) {
        Instant when = deadline.doneAt() != null ? deadline.doneAt() : deadline.due();
        events.add(event(outcome, when, deadline.missedBy() != null ? deadline.missedBy() : AuditEvent.SYSTEM,
            "Срок «" + deadline.title() + "»: " + outcome.label().toLowerCase()
                + (deadline.missedBy() == null ? "" : ", нарушила организация " + deadline.missedBy()),
            new Details().put("step", deadline.step()).put("due", deadline.due()).put("state", deadline.state())
                .put("done", deadline.doneAt()).put("missedBy", deadline.missedBy())));
      }
    }
  }

  private void breaches(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("select step, organization, due_at, detected_at, done_at from deadline_breach where appeal_id = :id order by id")
        .param("id", appeal.id())
        .query((rs, row) -> event(ESCALATION, time(rs, "detected_at"), AuditEvent.SYSTEM,
            "Срок «" + title(rs.getString("step")) + "» пропущен"
                + (rs.getString("organization") == null ? "" : " организацией " + rs.getString("organization"))
                + ": «Контроль просрочки» для supervisors",
            new Details().put("step", rs.getString("step")).put("missedBy", rs.getString("organization"))
                .put("due", time(rs, "due_at")).put("doneAt", time(rs, "done_at"))))
        .list().forEach(events::add);
  }

  private void reminders(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("select kind, recipient_user, recipient_group, status, created_at from staff_notification where appeal_id = :id order by id")
        .param("id", appeal.id())
        .query((rs, row) -> {
          String recipient = rs.getString("recipient_user") != null ? rs.getString("recipient_user") : rs.getString("recipient_group");
          return event(REMINDER, time(rs, "created_at"), AuditEvent.SYSTEM, rs.getString("kind") + " для " + recipient,
              new Details().put("kind", rs.getString("kind")).put("recipient", recipient).put("status", rs.getString("status")));
        })
        .list().forEach(events::add);
  }

  private void notices(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("""
        select id, kind, status, attempts, delivered_via, sent_at, last_error, created_at
        from notification_outbox where appeal_id = :id order by id""")
        .param("id", appeal.id())
        .query((rs, row) -> event(NOTICE, time(rs, "created_at"), AuditEvent.SYSTEM,
            "Уведомление " + rs.getString("kind") + ": " + rs.getString("status")
                + (rs.getString("delivered_via") == null ? "" : " (" + rs.getString("delivered_via") + ")"),
            new Details().put("noticeId", rs.getLong("id")).put("kind", rs.getString("kind"))
                .put("status", rs.getString("status")).put("attempts", rs.getInt("attempts"))
                .put("deliveredVia", rs.getString("delivered_via")).put("sentAt", time(rs, "sent_at"))
                .put("lastError", rs.getString("last_error"))))
        .list().forEach(events::add);
  }

  private void letters(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("select id, organization, created_at, mailed_at, mailed_by, tracking_number from printed_letter where appeal_id = :id order by id")
        .param("id", appeal.id())
        .query((rs, row) -> event(LETTER, time(rs, "created_at"),
            rs.getString("mailed_by") == null ? AuditEvent.SYSTEM : rs.getString("mailed_by"),
            "Печатное письмо " + (rs.getObject("mailed_at") == null ? "составлено" : "отправлено " + rs.getString("mailed_at")),
            new Details().put("letterId", rs.getLong("id")).put("organization", rs.getString("organization"))
                .put("mailedAt", rs.getString("mailed_at")).put("mailedBy", rs.getString("mailed_by"))
                .put("trackingNumber", rs.getString("tracking_number"))))
        .list().forEach(events::add);
  }

  private void confirmations(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("""
        select level, organization, created_at, due_at, answered_at, resolved, comment
        from confirmation_request where appeal_id = :id order by id""")
        .param("id", appeal.id())
        .query((rs, row) -> {
          List<AuditEvent> both = new ArrayList<>();
          int level = rs.getInt("level");
          both.add(event(CONFIRMATION_REQUESTED, time(rs, "created_at"), AuditEvent.SYSTEM,
              "Заявителя спросили, решила ли проблему организация " + rs.getString("organization"),
              new Details().put("level", level).put("organization", rs.getString("organization"))
                  .put("due", time(rs, "due_at"))));
          if (rs.getObject("answered_at") != null) {
            boolean resolved = rs.getBoolean("resolved");
            both.add(event(RESIDENT_ANSWERED, time(rs, "answered_at"), AuditEvent.RESIDENT,
                resolved ? "Заявитель подтвердил: проблема решена" : "Заявитель ответил: проблема не решена",
                new Details().put("level", level).put("resolved", resolved).put("comment", rs.getString("comment"))));
          }
          return both;
        })
        .list().forEach(events::addAll);
  }

  private void levels(Appeal appeal, List<AuditEvent> events) {
    jdbc.sql("select level, organization, outcome, resident_comment, handed_over_at from appeal_level where appeal_id = :id order by level")
        .param("id", appeal.id())
        .query((rs, row) -> event(DELEGATION, time(rs, "handed_over_at"), AuditEvent.SYSTEM,
            "Уровень " + rs.getInt("level") + " (" + rs.getString("organization") + ") передал обращение дальше: "
                + rs.getString("outcome"),
            new Details().put("level", rs.getInt("level")).put("organization", rs.getString("organization"))
                .put("outcome", rs.getString("outcome")).put("residentComment", rs.getString("resident_comment"))))
        .list().forEach(events::add);
  }

  private static String title(String step) {
    try {
      return Step.valueOf(step).title();
    } catch (IllegalArgumentException unknown) {
      return step;
    }
  }

  private static Instant time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static AuditEvent event(AuditEventType type, Object time, String actor, String summary, Details details) {
    Instant instant = time instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) time;
    return new AuditEvent(instant, type, actor, summary, null, null, null, null, details.map());
  }
}
