package ru.cur.appeals.audit;

import java.time.Instant;

/** A step's deadline as the auditor checks it: due when, met or missed, and by which organisation. */
public record AuditDeadline(String step, String title, Instant startedAt, Instant due, String state, Instant doneAt,
    Integer extendedDays, String missedBy) {}
