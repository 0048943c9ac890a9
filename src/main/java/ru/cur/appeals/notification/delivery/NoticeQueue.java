package ru.cur.appeals.notification.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.cur.appeals.notification.NoticeKind;

/**
 * The delivery's side of {@code notification_outbox}: claiming due notices and recording how each attempt ended.
 *
 * <p>Every statement commits on its own (no transaction spans a delivery). A claim is a compare-and-set update
 * that only one node can win: the row must still be due (PENDING and its time come, or SENDING with a claim that
 * ran out) when the update runs, and the update makes it SENDING for this node until {@code claimed_until}.
 * PostgreSQL makes a concurrent second update wait for the first and re-check the condition on the row the first
 * committed; the same SQL runs on H2. Marking an outcome is fenced by the node and the attempt number, so a node
 * whose claim ran out and was taken over cannot overwrite the newer attempt's outcome.
 */
@Component
class NoticeQueue {

  private static final int ERROR_MAX_LENGTH = 2000;
  private static final String HELD_BY_THIS_ATTEMPT =
      "where id = :id and status = 'SENDING' and claimed_by = :node and attempts = :attempt";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DeliverySettings settings;

  NoticeQueue(JdbcClient jdbc, Clock clock, DeliverySettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Up to {@code batch-size} notices due now, oldest due first: pending ones whose time has come, then those whose
   * node died while sending (its claim ran out). Only candidates: each is {@link #claim claimed} right before it is
   * sent, so that its claim covers one delivery and not the wait behind the rest of the batch.
   */
  List<Long> due() {
    OffsetDateTime now = now();
    giveUpAbandoned(now);
    List<Long> due = new ArrayList<>(jdbc.sql("""
        select id from notification_outbox where status = 'PENDING' and next_attempt_at <= :now
        order by next_attempt_at, id limit :limit""")
        .param("now", now).param("limit", settings.batchSize()).query(Long.class).list());
    if (due.size() < settings.batchSize()) {
      due.addAll(jdbc.sql("""
          select id from notification_outbox where status = 'SENDING' and claimed_until < :now
          order by claimed_until, id limit :limit""")
          .param("now", now).param("limit", settings.batchSize() - due.size()).query(Long.class).list());
    }
    return due;
  }

  /** The notice for {@code node}'s next attempt, if it is still due and no other node won it meanwhile. */
  Optional<ClaimedNotice> claim(long id, String node) {
    OffsetDateTime now = now();
    int won = jdbc.sql("""
        update notification_outbox
        set status = 'SENDING', claimed_by = :node, claimed_until = :until, attempts = attempts + 1
        where id = :id and (status = 'PENDING' and next_attempt_at <= :now
          or status = 'SENDING' and claimed_until < :now and attempts < :maxAttempts)""")
        .param("node", node).param("until", now.plus(settings.claimLease())).param("id", id).param("now", now)
        .param("maxAttempts", settings.maxAttempts())
        .update();
    if (won == 0) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select n.id, a.registration_number, n.kind, n.payload, n.created_at, n.claimed_by, n.attempts
        from notification_outbox n join appeal a on a.id = n.appeal_id
        where n.id = :id and n.status = 'SENDING' and n.claimed_by = :node""")
        .param("id", id).param("node", node)
        .query((rs, row) -> new ClaimedNotice(rs.getLong("id"), rs.getString("registration_number"),
            NoticeKind.valueOf(rs.getString("kind")), rs.getString("payload"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("claimed_by"), rs.getInt("attempts")))
        .optional();
  }

  /**
   * A node that died while sending leaves its claim behind; when that was the last attempt allowed, the notice
   * fails instead of being taken over again (a letter that kills its node must not kill every node in turn).
   */
  private void giveUpAbandoned(OffsetDateTime now) {
    jdbc.sql("""
        update notification_outbox
        set status = 'FAILED', claimed_by = null, claimed_until = null,
          last_error = 'Узел ' || claimed_by || ' не завершил последнюю попытку отправки'
        where status = 'SENDING' and claimed_until < :now and attempts >= :maxAttempts""")
        .param("now", now).param("maxAttempts", settings.maxAttempts()).update();
  }

  /** @return false when the claim was lost meanwhile (another node took the notice over) */
  boolean sent(ClaimedNotice notice, String via) {
    return jdbc.sql("""
        update notification_outbox
        set status = 'SENT', sent_at = :now, delivered_via = :via, claimed_by = null, claimed_until = null
        """ + HELD_BY_THIS_ATTEMPT)
        .param("now", now()).param("via", via).params(fence(notice))
        .update() == 1;
  }

  /** Whether this failure ends the notice: refused for good, or the attempts used up. */
  boolean isFinal(ClaimedNotice notice, DeliveryFailure failure) {
    return failure.permanent() || notice.attempt() >= settings.maxAttempts();
  }

  /** Another attempt after the backoff, or FAILED when {@link #isFinal}. */
  boolean failed(ClaimedNotice notice, DeliveryFailure failure) {
    if (isFinal(notice, failure)) {
      return jdbc.sql("""
          update notification_outbox
          set status = 'FAILED', last_error = :error, claimed_by = null, claimed_until = null
          """ + HELD_BY_THIS_ATTEMPT)
          .param("error", truncate(failure.getMessage())).params(fence(notice))
          .update() == 1;
    }
    return jdbc.sql("""
        update notification_outbox
        set status = 'PENDING', last_error = :error, next_attempt_at = :retryAt, claimed_by = null,
          claimed_until = null
        """ + HELD_BY_THIS_ATTEMPT)
        .param("error", truncate(failure.getMessage()))
        .param("retryAt", now().plus(settings.retryDelay(notice.attempt()))).params(fence(notice))
        .update() == 1;
  }

  /** No way reaches the resident: kept aside with the reason, not retried, and the claim not counted. */
  boolean undeliverable(ClaimedNotice notice, String reason) {
    return jdbc.sql("""
        update notification_outbox
        set status = 'UNDELIVERABLE', last_error = :error, attempts = attempts - 1, claimed_by = null,
          claimed_until = null
        """ + HELD_BY_THIS_ATTEMPT)
        .param("error", truncate(reason)).params(fence(notice))
        .update() == 1;
  }

  private static Map<String, Object> fence(ClaimedNotice notice) {
    return Map.of("id", notice.id(), "node", notice.claimedBy(), "attempt", notice.attempt());
  }

  private static String truncate(String text) {
    String value = text == null || text.isBlank() ? "нет описания ошибки" : text.strip();
    return value.length() <= ERROR_MAX_LENGTH ? value : value.substring(0, ERROR_MAX_LENGTH - 1) + "…";
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
