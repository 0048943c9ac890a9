package ru.cur.appeals.notification.delivery;

import java.time.OffsetDateTime;

/**
 * A notice as staff see it on {@code /api/notices}: where it stands and why, never its text or personal link
 * (the link is the resident's credential).
 *
 * @param appeal the appeal's registration number
 * @param attempts attempts made so far
 * @param nextAttemptAt when a PENDING notice goes next
 * @param lastError why the last attempt failed, or why the notice is undeliverable
 * @param deliveredVia {@code email}, {@code webhook}, {@code post} or the demo's {@code log}
 */
record NoticeView(long id, String appeal, String kind, String channel, NoticeStatus status, int attempts,
    OffsetDateTime nextAttemptAt, String lastError, String deliveredVia, OffsetDateTime createdAt,
    OffsetDateTime sentAt) {}
