package ru.cur.appeals.regulation;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Office hours and the reading of terms that end on a day off ({@code appeals.regulation.*}).
 *
 * @param workingDay the office hours of an ordinary working day
 * @param moveDayOffDeadlines whether a term in calendar days that ends on a day off ends on the next working
 *     day instead: 59-ФЗ is silent, the Civil Code (art. 193) does so for its terms and supervisors read
 *     59-ФЗ the same way
 */
@ConfigurationProperties("appeals.regulation")
record RegulationSettings(@DefaultValue WorkingDay workingDay, @DefaultValue("true") boolean moveDayOffDeadlines) {

  /** ТК РФ ст. 95: the working day before a public holiday is one hour shorter. */
  static final Duration PRE_HOLIDAY_SHORTENING = Duration.ofHours(1);

  /** Office hours of an ordinary working day, with the lunch break that does not count. */
  record WorkingDay(
      @DefaultValue("09:00") @DateTimeFormat(pattern = "HH:mm") LocalTime start,
      @DefaultValue("18:00") @DateTimeFormat(pattern = "HH:mm") LocalTime end,
      @DefaultValue("13:00") @DateTimeFormat(pattern = "HH:mm") LocalTime breakStart,
      @DefaultValue("14:00") @DateTimeFormat(pattern = "HH:mm") LocalTime breakEnd) {

    WorkingDay {
      if (!(start.isBefore(breakStart) && !breakStart.isAfter(breakEnd) && breakEnd.isBefore(shortEnd(end)))) {
        throw new IllegalArgumentException("appeals.regulation.working-day needs start < break-start <= break-end "
            + "< end - 1h (a pre-holiday day still has an afternoon), got " + start + "–" + breakStart + " and "
            + breakEnd + "–" + end);
      }
    }

    /** When a pre-holiday (SHORT) day closes. */
    LocalTime shortEnd() {
      return shortEnd(end);
    }

    private static LocalTime shortEnd(LocalTime end) {
      return end.minus(PRE_HOLIDAY_SHORTENING);
    }
  }
}
