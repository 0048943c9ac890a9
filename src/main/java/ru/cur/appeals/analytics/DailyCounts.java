package ru.cur.appeals.analytics;

import java.time.LocalDate;

/** Appeals received and answered on one day of the region's calendar. */
record DailyCounts(LocalDate date, long received, long answered) {}
