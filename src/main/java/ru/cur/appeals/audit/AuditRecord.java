package ru.cur.appeals.audit;

import java.time.Instant;
import java.util.List;

/**
 * An appeal's whole record for an auditor: the appeal, the process instances it ran in (each with its diagram's
 * version), its deadlines, and one chronological timeline of everything that happened. {@code masked} says that
 * the resident's personal data is hidden from this reader.
 */
public record AuditRecord(Summary appeal, boolean masked, List<AuditProcess> processes, List<AuditDeadline> deadlines,
    List<AuditEvent> events) {

  /** The appeal as it stands now; the reference data's names beside its codes. */
  public record Summary(String registrationNumber, String channel, String status, String outcome, String closingReason,
      String category, String territory, String organization, String responseType, String problem,
      Instant receivedAt, Instant closedAt, Resident resident, String address, String text, String categoryName,
      String territoryName, String organizationName, String channelName) {}

  /** The resident's personal data ({@link PersonalData#MASK} for whom it is hidden). */
  public record Resident(String name, String email, String phone, String postalAddress, String profileUrl) {}
}
