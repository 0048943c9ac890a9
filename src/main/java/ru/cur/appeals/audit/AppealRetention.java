package ru.cur.appeals.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the application's rows of appeals closed longer ago than {@link RetentionSettings#term()}: the appeal, its
 * deadlines and breaches, notices and printed letters, reminders, confirmation requests and delegation levels, and
 * the record of who read their audit. The engine removes the same appeals' history itself (removal-time based
 * history cleanup, the models' {@code historyTimeToLive}). Nightly, on one node of the cluster at a time
 * ({@link JobLease}), a batch per transaction.
 */
@Component
public class AppealRetention {

  static final String JOB = "appeal-retention";
  private static final Logger LOG = LoggerFactory.getLogger(AppealRetention.class);
  /** Children first: {@code printed_letter} refers to the notice it prints. */
  private static final List<String> APPEAL_ROWS = List.of("printed_letter", "notification_outbox", "staff_notification",
      "appeal_deadline", "deadline_breach", "confirmation_request", "appeal_level");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final JobLease lease;
  private final RetentionSettings settings;
  private final Clock clock;

  AppealRetention(JdbcClient jdbc, TransactionTemplate transaction, JobLease lease, RetentionSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.lease = lease;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(cron = "${appeals.retention.cron:0 30 2 * * *}", zone = "${appeals.time-zone}")
  void nightly() {
    removeExpired();
  }

  /** The number of appeals removed; empty when another node is running the job. */
  public OptionalInt removeExpired() {
    if (!lease.acquire(JOB, settings.lease())) {
      LOG.info("Appeal retention is running on another node");
      return OptionalInt.empty();
    }
    try {
      OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(settings.term());
      int removed = 0;
      int batch;
      do {
        batch = transaction.execute(status -> removeBatch(cutoff));
        removed += batch;
      } while (batch == settings.batchSize());
      int reads = jdbc.sql("delete from audit_read where read_at < :cutoff").param("cutoff", cutoff).update();
      LOG.info("Appeal retention removed {} appeals closed before {} and {} records of audit reads", removed, cutoff,
          reads);
      return OptionalInt.of(removed);
    } finally {
      lease.release(JOB);
    }
  }

  private int removeBatch(OffsetDateTime cutoff) {
    List<Long> ids = jdbc.sql("""
        select id from appeal where status = 'CLOSED' and closed_at < :cutoff order by closed_at
        fetch first :size rows only""")
        .param("cutoff", cutoff).param("size", settings.batchSize()).query(Long.class).list();
    if (ids.isEmpty()) {
      return 0;
    }
    // The managers' figures of the days these appeals counted on are counted again without them.
    jdbc.sql("""
        insert into figures_change (appeal_id, counted_at)
        select id, received_at from appeal where id in (:ids)
        union all select id, answered_at from appeal where id in (:ids) and answered_at is not null""")
        .param("ids", ids).update();
    for (String table : APPEAL_ROWS) {
      jdbc.sql("delete from " + table + " where appeal_id in (:ids)").param("ids", ids).update();
    }
    return jdbc.sql("delete from appeal where id in (:ids)").param("ids", ids).update();
  }
}
