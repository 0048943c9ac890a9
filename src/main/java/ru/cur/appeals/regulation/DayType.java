package ru.cur.appeals.regulation;

/** How a date differs from the five-day week (Saturday and Sunday off) in a production-calendar file. */
enum DayType {
  /** A Monday to Friday that is not worked: a public holiday or a day off moved onto it. */
  HOLIDAY,
  /** A Saturday or Sunday that is worked because a day off was moved away from it. */
  WORKDAY,
  /** A working day one hour shorter (ТК РФ ст. 95); on a Saturday or Sunday it is also a worked one. */
  SHORT
}
