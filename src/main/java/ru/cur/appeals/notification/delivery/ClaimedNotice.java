package ru.cur.appeals.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import ru.cur.appeals.notification.NoticeKind;

/**
 * A notice one node holds for one attempt. {@code claimedBy} and {@code attempt} together fence the claim: only
 * the holder of this very attempt may mark the notice afterwards.
 *
 * @param payload the details the step that owed the notice wrote, as JSON
 */
record ClaimedNotice(long id, String registrationNumber, NoticeKind kind, String payload, OffsetDateTime createdAt,
    String claimedBy, int attempt) {

  /**
   * The same for every attempt at this notice and different for every other notice, also across databases (a
   * reset demo numbers its notices from 1 again): derived from the row's id and creation time.
   */
  String idempotencyKey() {
    return UUID.nameUUIDFromBytes(("notification_outbox/" + id + "/" + createdAt.toInstant().toEpochMilli())
        .getBytes(StandardCharsets.UTF_8)).toString();
  }
}
