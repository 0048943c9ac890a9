package ru.cur.appeals.notification.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One printed letter as its task and its download see it: whom it goes to, who mails it, and what the clerk
 * recorded once it went.
 *
 * @param organization the organisation whose office mails it; none for a letter of the centre (the moderators')
 * @param mailedAt the day the clerk mailed it; none while it waits
 */
record PrintedLetter(
    long id,
    long noticeId,
    String registrationNumber,
    String residentName,
    String postalAddress,
    String organization,
    OffsetDateTime createdAt,
    LocalDate mailedAt,
    String mailedBy,
    String trackingNumber) {

  /** Where the webapps' users download it: under their session, beside Tasklist. */
  String downloadPath() {
    return "/letters/" + id + ".pdf";
  }
}
