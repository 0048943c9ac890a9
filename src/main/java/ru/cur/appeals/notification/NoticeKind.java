package ru.cur.appeals.notification;

/** The notices a resident is owed along the appeal's life. */
public enum NoticeKind {
  /** The appeal is registered under its number. */
  REGISTERED,
  /** The appeal was sent to the organisation responsible for it. */
  ROUTED,
  /** Out of the region's competence: forwarded to another body (59-ФЗ art. 8 p. 3). */
  FORWARDED,
  /** Not considered, with the reason (e.g. 59-ФЗ art. 11 p. 3 for abusive language). */
  REJECTED,
  /** Joined with an earlier appeal about the same thing. */
  DUPLICATE,
  /** The first public reply from the official page (incidents), soon after moderation. */
  FIRST_REPLY,
  /** The answer term is extended by the head, with the reason and the new date (59-ФЗ art. 12 p. 2). */
  EXTENDED,
  /** The answer itself. */
  ANSWERED,
  /** On a delegation chain: the personal link where the resident says whether the problem is really solved. */
  CONFIRMATION_REQUEST,
  /** The resident's withdrawal is confirmed. */
  WITHDRAWN
}
