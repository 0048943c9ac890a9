package ru.cur.appeals.appeal;

/** The legal regime an appeal is handled under (SPEC §2); decides deadlines, approval and notices. */
public enum Regime {
  /** A post or comment found in social networks: incident management. */
  INCIDENT,
  /** A message on the federal feedback platform or from an Open311 client. */
  PLATFORM,
  /** An official appeal under the federal law 59-ФЗ. */
  FZ59
}
