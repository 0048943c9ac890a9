package ru.cur.appeals.intake;

import java.time.OffsetDateTime;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.appeal.Outcome;

/**
 * What a channel system learns about an appeal it submitted: enough to track it, none of the
 * resident's personal data (a channel must not read appeals through intake).
 */
public record Receipt(
    String id, String channel, String externalId, String processInstanceId, AppealStatus status,
    Outcome outcome, OffsetDateTime registeredAt) {

  static Receipt of(Appeal appeal) {
    return new Receipt(appeal.registrationNumber(), appeal.channel().name(), appeal.externalId(),
        appeal.processInstanceId(), appeal.status(), appeal.outcome(), appeal.registeredAt());
  }
}
