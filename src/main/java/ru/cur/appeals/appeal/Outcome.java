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
  DUPLICATE;

  /** The resident got an answer on the substance (the answer step was done). */
  public boolean isAnswer() {
    return this == RESOLVED || this == ANSWERED || this == INFORMED || this == EXPLAINED;
  }
}
