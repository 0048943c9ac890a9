package ru.cur.appeals.moderation;

/** The moderator's decision on an appeal (SPEC §3.2). */
public enum Moderation {
  ACCEPT,
  NO_SUBSTANCE,
  ABUSIVE,
  DUPLICATE,
  OUT_OF_COMPETENCE
}
