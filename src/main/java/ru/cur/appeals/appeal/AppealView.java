package ru.cur.appeals.appeal;

import java.time.OffsetDateTime;
import java.util.Map;

import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.regulation.Deadline;

/**
 * An appeal as the API shows it to staff: codes with their Russian names, and the deadline of every step
 * it has started keyed by step ({@code moderation}, {@code answer}, …); {@code overdue} while one of
 * them is open and past due.
 */
public record AppealView(
    String id,
    String channel,
    String externalId,
    AppealStatus status,
    Outcome outcome,
    String closingReason,
    String duplicateOf,
    String forwardedTo,
    String text,
    Appeal.Author author,
    String territory,
    String territoryName,
    Appeal.Location location,
    String address,
    String categoryHint,
    String category,
    String categoryName,
    String organization,
    String organizationName,
    String responseType,
    String answer,
    String sourceUrl,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    OffsetDateTime answeredAt,
    OffsetDateTime closedAt,
    String processInstanceId,
    String firstReply,
    String repeatOf,
    String problem,
    Map<String, Deadline> deadlines,
    boolean overdue) {

  static AppealView of(Appeal a, ReferenceData names, Map<String, Deadline> deadlines) {
    return new AppealView(a.registrationNumber(), a.channel().name(), a.externalId(), a.status(), a.outcome(),
        a.closingReason(), a.duplicateOf(), a.forwardedTo(), a.text(), a.author(),
        a.territory(), a.territory() == null ? null : names.territoryName(a.territory()),
        a.location(), a.address(), a.categoryHint(),
        a.category(), a.category() == null ? null : names.categoryName(a.category()),
        a.organization(), a.organization() == null ? null : names.organizationName(a.organization()),
        a.responseType(), a.answerText(), a.sourceUrl(), a.receivedAt(), a.registeredAt(), a.answeredAt(),
        a.closedAt(), a.processInstanceId(), a.firstReplyText(), a.repeatOf(), a.problem(), deadlines,
        deadlines.values().stream().anyMatch(d -> d.overdue() && d.state() == Deadline.State.OPEN));
  }
}
