package ru.cur.appeals.appeal;

import java.time.OffsetDateTime;

/** One resident's appeal as stored in the application's table. */
public record Appeal(
    long id,
    String registrationNumber,
    Channel channel,
    String externalId,
    String text,
    Author author,
    String territory,
    Location location,
    String address,
    String categoryHint,
    String category,
    String sourceUrl,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    AppealStatus status,
    Outcome outcome,
    String closingReason,
    String duplicateOf,
    String forwardedTo,
    String organization,
    String responseType,
    String answerText,
    OffsetDateTime answeredAt,
    OffsetDateTime closedAt,
    String processInstanceId,
    String firstReplyText) {

  public record Author(String name, String email, String phone, String postalAddress, String profileUrl) {}

  public record Location(double lat, double lon) {}

  public boolean isClosed() {
    return status == AppealStatus.CLOSED;
  }
}
