package ru.cur.appeals.appeal;

/** How a closed appeal ended (SPEC §3.7). */
public enum Outcome {
  RESOLVED,
  ANSWERED,
  INFORMED,
  EXPLAINED,
  REJECTED,
  FORWARDED,
  WITHDRAWN,
  DUPLICATE
}
