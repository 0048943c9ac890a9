package ru.cur.appeals.intake;

import java.time.OffsetDateTime;
import java.util.Map;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.appeal.Outcome;
import ru.cur.appeals.regulation.Deadline;

/**
 * What a channel system learns about an appeal it submitted: enough to track it, none of the
 * resident's personal data (a channel must not read appeals through intake); the deadlines the
 * regulation set, keyed by step.
 */
public record Receipt(
    String id, String channel, String externalId, String processInstanceId, AppealStatus status,
    Outcome outcome, OffsetDateTime registeredAt, Map<String, Deadline> deadlines) {

  static Receipt of(AppealIntake.Submitted submitted) {
    return of(submitted.appeal(), submitted.deadlines());
  }

  static Receipt of(Appeal appeal, Map<String, Deadline> deadlines) {
    return new Receipt(appeal.registrationNumber(), appeal.channel().name(), appeal.externalId(),
        appeal.processInstanceId(), appeal.status(), appeal.outcome(), appeal.registeredAt(), deadlines);
  }
}
