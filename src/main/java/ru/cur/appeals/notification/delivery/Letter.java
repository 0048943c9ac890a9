package ru.cur.appeals.notification.delivery;

import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.notification.NoticeKind;

/**
 * One notice as a courier delivers it: the text made from its template, and what each way needs to address it.
 *
 * @param noticeId the row of {@code notification_outbox}
 * @param idempotencyKey the same for every attempt at this notice, and for no other notice
 * @param answer the organisation's answer or the first reply when the notice carries one, as written
 * @param personalLink true when the text holds the resident's personal confirmation link, a credential that must
 *     never be published
 */
public record Letter(
    long noticeId,
    String idempotencyKey,
    NoticeKind kind,
    Channel channel,
    String registrationNumber,
    String residentName,
    String email,
    String profileUrl,
    String sourceUrl,
    String externalId,
    String subject,
    String text,
    String answer,
    boolean personalLink) {}
