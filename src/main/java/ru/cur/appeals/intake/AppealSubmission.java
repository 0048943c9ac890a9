package ru.cur.appeals.intake;

import java.time.OffsetDateTime;

/** What a channel system submits (SPEC §4, {@code POST /api/appeals}). */
public record AppealSubmission(
    String channel,
    String externalId,
    String text,
    Author author,
    String territory,
    Location location,
    String address,
    String category,
    String sourceUrl,
    OffsetDateTime receivedAt) {

  public record Author(String name, String email, String phone, String postalAddress, String profileUrl) {}

  public record Location(Double lat, Double lon) {}

  public Author authorOrEmpty() {
    return author == null ? new Author(null, null, null, null, null) : author;
  }
}
