package ru.cur.appeals.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading an audit record is itself recorded: who looked at which appeal's record, as what, in which form and
 * when, and whether the resident's data was shown to them (table {@code audit_read}).
 */
@Component
class AuditReads {

  /** What was read: the timeline, an export, the decision replay, a diagram. */
  enum What { TIMELINE, JSON, CSV, PDF, DECISIONS, DIAGRAM }

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditReads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String registrationNumber, AuditAccess reader, What what) {
    jdbc.sql("""
        insert into audit_read (registration_number, read_by, read_as, what, masked, read_at)
        values (:number, :user, :groups, :what, :masked, :now)""")
        .param("number", registrationNumber)
        .param("user", reader.user())
        .param("groups", String.join(",", new TreeSet<>(reader.groups())))
        .param("what", what.name())
        .param("masked", reader.masked())
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
  }
}
