package ru.cur.appeals.regulation;

/** What the amount of a term counts; see {@link WorkingTime} for how each unit is measured. */
public enum TermUnit {
  /** Hours of office time, skipping nights, breaks, weekends and holidays. */
  WORKING_HOURS,
  /** Whole working days of the production calendar; the term ends when the office closes. */
  WORKING_DAYS,
  /** Days of the calendar, as 59-ФЗ counts them; the term ends when the office closes. */
  CALENDAR_DAYS,
  /** Clock hours, day and night alike. */
  HOURS
}
