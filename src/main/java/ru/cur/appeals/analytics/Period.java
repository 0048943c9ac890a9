package ru.cur.appeals.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * The days a figure counts appeals received on, both ends included, as the region's calendar has them
 * (a manager's «с 1 по 30 ноября» means Novosibirsk's days, not UTC's). Without dates: the last 30 days.
 */
record Period(LocalDate from, LocalDate to) {

  static final int DEFAULT_DAYS = 30;
  /** Longer spans are reports, not dashboards: they would scan years of appeals on every refresh. */
  static final int MAX_DAYS = 366;

  static Period of(LocalDate from, LocalDate to, Clock clock) {
    LocalDate end = to != null ? to : LocalDate.now(clock);
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
    List<Violation> violations = new ArrayList<>();
    if (start.isAfter(end)) {
      violations.add(new Violation("from", "must not be after to"));
    } else if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
      violations.add(new Violation("to", "the period is at most " + MAX_DAYS + " days"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new Period(start, end);
  }

  List<LocalDate> days() {
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /** The first instant of {@code from} in the region. */
  OffsetDateTime start(Clock clock) {
    return from.atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** The first instant after {@code to} in the region. */
  OffsetDateTime end(Clock clock) {
    return to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }
}
