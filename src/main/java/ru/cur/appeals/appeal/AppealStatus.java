package ru.cur.appeals.appeal;

/** Where an appeal stands; kept in the appeal's row so that searches never query the engine. */
public enum AppealStatus {
  REGISTERED,
  MODERATION,
  IN_WORK,
  AWAITING_APPROVAL,
  ANSWERED,
  CLOSED
}
