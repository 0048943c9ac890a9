package ru.cur.appeals.regulation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * DOWN while a year that begins within the next 120 days (engine clock, region zone) has no production
 * calendar: the Government adopts next year's transfers in the autumn, and the file has to ship before
 * working-time terms reach into that year and start failing.
 */
@Component("productionCalendar")
class ProductionCalendarHealth implements HealthIndicator {

  static final Period LOOKAHEAD = Period.ofDays(120);

  private static final Logger log = LoggerFactory.getLogger(ProductionCalendarHealth.class);

  private final ProductionCalendar calendar;
  private final Clock clock;

  ProductionCalendarHealth(ProductionCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    List<Integer> missing = missingYears();
    return (missing.isEmpty() ? Health.up() : Health.down())
        .withDetail("loadedYears", List.copyOf(calendar.years()))
        .withDetail("missingYears", missing)
        .build();
  }

  /** Says it once in the log at startup too, where an operator looks first when terms fail. */
  @EventListener(ApplicationReadyEvent.class)
  void reportMissingYears() {
    List<Integer> missing = missingYears();
    if (!missing.isEmpty()) {
      log.error("Production calendar missing for {} (within {} days of today): add {}<year>.csv, or working-time "
          + "terms reaching into those years will fail", missing, LOOKAHEAD.getDays(), ProductionCalendar.FOLDER);
    }
  }

  private List<Integer> missingYears() {
    LocalDate today = LocalDate.now(clock);
    return IntStream.rangeClosed(today.getYear(), today.plus(LOOKAHEAD).getYear())
        .filter(year -> !calendar.years().contains(year))
        .boxed()
        .toList();
  }
}
