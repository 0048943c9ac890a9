package ru.cur.appeals.moderation;

/** The moderator's decision on an appeal (SPEC §3.2). */
public enum Moderation {
  ACCEPT,
  NO_SUBSTANCE,
  ABUSIVE,
  DUPLICATE,
  OUT_OF_COMPETENCE,
  /** 59-ФЗ art. 11 p. 5: a repeated question without new arguments; the correspondence stops. */
  REPEATED
}
