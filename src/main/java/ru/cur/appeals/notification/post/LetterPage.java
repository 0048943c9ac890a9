package ru.cur.appeals.notification.post;

/**
 * What a printed letter says, laid out by {@link LetterPdf} as a Russian official letter: the sender and the
 * reference to the appeal at the top left, the addressee at the top right, the subject, the text, the signature.
 *
 * @param sender the organisation answering, or the centre when none holds the appeal yet
 * @param date the day the letter is made, as residents read it («24.11.2026»)
 * @param registeredDate the day the appeal was registered, likewise
 * @param signer the head who approved the answer; none when nobody did, and the letter gets an empty signature line
 *     for the person the organisation authorises
 */
record LetterPage(
    String sender,
    String recipientName,
    String postalAddress,
    String date,
    String registeredDate,
    String registrationNumber,
    String subject,
    String text,
    String signer) {}
