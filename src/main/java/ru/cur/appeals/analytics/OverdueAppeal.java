package ru.cur.appeals.analytics;

import java.time.OffsetDateTime;

/** An open appeal past a deadline now: who holds it, since when, and its process instance for Cockpit. */
record OverdueAppeal(String id, String organization, String organizationName, String status, String categoryName,
    String territoryName, OffsetDateTime dueAt, String processInstanceId) {}
