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
    String firstReplyText,
    String repeatOf,
    String problem,
    OffsetDateTime updatedAt) {

  public record Author(String name, String email, String phone, String postalAddress, String profileUrl) {}

  public record Location(double lat, double lon) {}

  /** The top of the category tree the appeal is about, by the moderator's category or the channel's hint. */
  public String topCategory() {
    String code = category != null ? category : categoryHint;
    return code == null ? null : code.split("\\.", 2)[0];
  }

  public boolean isClosed() {
    return status == AppealStatus.CLOSED;
  }
}
