package ru.cur.appeals.regulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Terms of the regulation in the region's working time: the one place other features ask when a term ends
 * or when to remind before it. Everything is counted in the region's zone ({@code appeals.time-zone}) on
 * the production calendar, with the office hours of {@code appeals.regulation.working-day} (by default
 * 09:00–18:00 with a break 13:00–14:00, a pre-holiday day closing at 17:00).
 *
 * <p>{@link #plus}:
 * <ul>
 *   <li>{@link TermUnit#WORKING_HOURS}: only office minutes count; a start outside them counts from the next
 *       office minute. Friday 17:30 + 8 h is Monday 17:30 when Monday is worked. A term that ends exactly
 *       when an interval closes ends there (13:00, not 14:00).</li>
 *   <li>{@link TermUnit#WORKING_DAYS}: n ≥ 1 ends when the office closes on the n-th working day after the
 *       start's date. Monday 10:00 + 1 is Tuesday 18:00; Saturday + 1 is Monday 18:00.</li>
 *   <li>{@link TermUnit#CALENDAR_DAYS}: the start's date + n, when the office closes that day. If that date is
 *       a day off, the term ends on the next working day when {@code appeals.regulation.move-day-off-deadlines}
 *       is on (30 days from 2026-12-25 is Sunday 2027-01-24, so Monday 2027-01-25 18:00), otherwise on the day
 *       off itself at the usual closing time.</li>
 *   <li>{@link TermUnit#HOURS}: clock hours.</li>
 * </ul>
 *
 * <p>{@link #minus} is the mirror, used to place reminders before a deadline: working hours walk back over
 * office minutes (a result exactly at an interval's opening stays there); working days keep the time of day
 * and step back n working days; calendar days keep the time of day, step back n days and, from a day off
 * (when moving is on), on to the previous working day; clock hours are clock hours.
 *
 * <p>An amount of 0 returns the instant as it is; a negative amount is an {@link IllegalArgumentException};
 * a date in a year without a calendar file is a {@link ProductionCalendarYearMissing}.
 */
@Component
public class WorkingTime {

  private final ProductionCalendar calendar;
  private final ZoneId zone;
  private final boolean moveDayOffDeadlines;

  WorkingTime(ProductionCalendar calendar, @Value("${appeals.time-zone}") ZoneId zone, RegulationSettings settings) {
    this.calendar = calendar;
    this.zone = zone;
    this.moveDayOffDeadlines = settings.moveDayOffDeadlines();
  }

  /** When a term of {@code amount} units that starts at {@code from} ends. */
  public Instant plus(Instant from, int amount, TermUnit unit) {
    if (requireNotNegative(amount) == 0) {
      return from;
    }
    LocalDateTime start = LocalDateTime.ofInstant(from, zone);
    return switch (unit) {
      case WORKING_HOURS -> inZone(plusWorkingHours(start, Duration.ofHours(amount)));
      case WORKING_DAYS -> inZone(closing(plusWorkingDays(start.toLocalDate(), amount)));
      case CALENDAR_DAYS -> inZone(closing(endOfCalendarTerm(start.toLocalDate().plusDays(amount))));
      case HOURS -> from.plus(Duration.ofHours(amount));
    };
  }

  /** The instant {@code amount} units before {@code deadline}, e.g. to remind a clerk of it. */
  public Instant minus(Instant deadline, int amount, TermUnit unit) {
    if (requireNotNegative(amount) == 0) {
      return deadline;
    }
    LocalDateTime end = LocalDateTime.ofInstant(deadline, zone);
    return switch (unit) {
      case WORKING_HOURS -> inZone(minusWorkingHours(end, Duration.ofHours(amount)));
      case WORKING_DAYS -> inZone(minusWorkingDays(end.toLocalDate(), amount).atTime(end.toLocalTime()));
      case CALENDAR_DAYS ->
          inZone(startOfCalendarTerm(end.toLocalDate().minusDays(amount)).atTime(end.toLocalTime()));
      case HOURS -> deadline.minus(Duration.ofHours(amount));
    };
  }

  /** The region's zone, in which days and office hours are counted. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether the date is worked by the production calendar (a worked Saturday is, a holiday Monday is not). */
  public boolean isWorkingDay(LocalDate date) {
    return calendar.isWorkingDay(date);
  }

  private LocalDateTime plusWorkingHours(LocalDateTime start, Duration term) {
    Duration left = term;
    LocalDate day = start.toLocalDate();
    LocalDateTime cursor = start;
    while (true) {
      for (WorkingInterval interval : calendar.workingIntervals(day)) {
        LocalDateTime opens = day.atTime(interval.start());
        LocalDateTime closes = day.atTime(interval.end());
        if (cursor.isBefore(closes)) {
          LocalDateTime counting = cursor.isAfter(opens) ? cursor : opens;
          Duration available = Duration.between(counting, closes);
          if (left.compareTo(available) <= 0) {
            return counting.plus(left);
          }
          left = left.minus(available);
          cursor = closes;
        }
      }
      day = day.plusDays(1);
      cursor = day.atStartOfDay();
    }
  }

  private LocalDateTime minusWorkingHours(LocalDateTime end, Duration term) {
    Duration left = term;
    LocalDate day = end.toLocalDate();
    LocalDateTime cursor = end;
    while (true) {
      List<WorkingInterval> intervals = calendar.workingIntervals(day);
      for (int index = intervals.size() - 1; index >= 0; index--) {
        LocalDateTime opens = day.atTime(intervals.get(index).start());
        LocalDateTime closes = day.atTime(intervals.get(index).end());
        if (cursor.isAfter(opens)) {
          LocalDateTime counting = cursor.isBefore(closes) ? cursor : closes;
          Duration available = Duration.between(opens, counting);
          if (left.compareTo(available) <= 0) {
            return counting.minus(left);
          }
          left = left.minus(available);
          cursor = opens;
        }
      }
      cursor = day.atStartOfDay();
      day = day.minusDays(1);
    }
  }

  private LocalDate plusWorkingDays(LocalDate start, int days) {
    LocalDate day = start;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private LocalDate minusWorkingDays(LocalDate end, int days) {
    LocalDate day = end;
    for (int counted = 0; counted < days; ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private LocalDate endOfCalendarTerm(LocalDate lastDay) {
    LocalDate day = lastDay;
    while (moveDayOffDeadlines && !calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private LocalDate startOfCalendarTerm(LocalDate firstDay) {
    LocalDate day = firstDay;
    while (moveDayOffDeadlines && !calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private LocalDateTime closing(LocalDate day) {
    return day.atTime(calendar.closingTime(day));
  }

  private Instant inZone(LocalDateTime time) {
    return time.atZone(zone).toInstant();
  }

  private static int requireNotNegative(int amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("A term cannot be negative, got " + amount);
    }
    return amount;
  }
}
