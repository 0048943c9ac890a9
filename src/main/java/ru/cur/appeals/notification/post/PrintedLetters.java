package ru.cur.appeals.notification.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.security.Roles;

/**
 * The table {@code printed_letter} and the clerk's task of each letter. A letter and its task are made in one
 * transaction, so a letter never waits without a task and a task never points at no letter; one letter per notice,
 * so a notice delivered again after a crash finds its letter instead of printing a second one.
 */
@Component
class PrintedLetters {

  static final String PROCESS_KEY = "postal-letter";
  static final String MAIL_TASK = "mail-letter";
  /** The process variable naming the letter; the task's card and its completion read it. */
  static final String LETTER_ID = "letterId";
  /** The group whose clerks mail the letter: the organisation holding the appeal, the moderators without one. */
  static final String MAILING_GROUP = "mailingGroup";

  private static final String COLUMNS = """
      l.id, l.notice_id, a.registration_number, a.author_name, a.author_postal_address, l.organization, l.created_at,
      l.mailed_at, l.mailed_by, l.tracking_number""";

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PrintedLetters(JdbcClient jdbc, RuntimeService runtime, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.transaction = transaction;
    this.clock = clock;
  }

  boolean existsFor(long noticeId) {
    return jdbc.sql("select count(*) from printed_letter where notice_id = :notice").param("notice", noticeId)
        .query(Long.class).single() > 0;
  }

  /**
   * Stores the letter and starts its task, business key the appeal's number, unless the notice has its letter
   * already; returns once the task exists.
   */
  void handOver(long noticeId, Appeal appeal, byte[] pdf) {
    try {
      transaction.executeWithoutResult(status -> {
        if (existsFor(noticeId)) {
          return;
        }
        long id = insert(noticeId, appeal, pdf);
        runtime.startProcessInstanceByKey(PROCESS_KEY, appeal.registrationNumber(), Variables.createVariables()
            .putValue(LETTER_ID, id)
            .putValue(MAILING_GROUP, appeal.organization() != null ? appeal.organization() : Roles.MODERATORS));
      });
    } catch (DuplicateKeyException e) {
      // Another node handed the same notice over at the same moment: its letter and task stand.
    }
  }

  private long insert(long noticeId, Appeal appeal, byte[] pdf) {
    jdbc.sql("""
        insert into printed_letter (notice_id, appeal_id, organization, pdf, created_at)
        values (:notice, :appeal, :organization, :pdf, :now)""")
        .param("notice", noticeId)
        .param("appeal", appeal.id())
        .param("organization", appeal.organization())
        .param("pdf", pdf)
        .param("now", OffsetDateTime.now(clock))
        .update();
    return jdbc.sql("select id from printed_letter where notice_id = :notice").param("notice", noticeId)
        .query(Long.class).single();
  }

  Optional<PrintedLetter> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from printed_letter l join appeal a on a.id = l.appeal_id where l.id = :id")
        .param("id", id)
        .query((rs, row) -> new PrintedLetter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, LocalDate.class),
            rs.getString(9), rs.getString(10)))
        .optional();
  }

  byte[] pdf(long id) {
    return jdbc.sql("select pdf from printed_letter where id = :id").param("id", id)
        .query((rs, row) -> rs.getBytes(1)).single();
  }

  void recordMailing(long id, LocalDate mailedAt, String mailedBy, String trackingNumber) {
    jdbc.sql("""
        update printed_letter set mailed_at = :mailedAt, mailed_by = :mailedBy, tracking_number = :tracking
        where id = :id""")
        .param("mailedAt", mailedAt)
        .param("mailedBy", mailedBy)
        .param("tracking", trackingNumber)
        .param("id", id)
        .update();
  }
}
