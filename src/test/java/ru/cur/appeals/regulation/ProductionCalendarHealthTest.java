package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The calendar files shipped (2025–2027) seen by the health endpoint on different days. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionCalendarHealthTest {

  private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");

  @Test
  void upWhileEveryYearOfTheNext120DaysHasACalendar() {
    Health health = healthOn("2026-11-23").health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("loadedYears", List.of(2025, 2026, 2027))
        .containsEntry("missingYears", List.of());
  }

  @Test
  void upOnTheLastDayWhose120DaysStayInsideTheLoadedYears() {
    assertThat(healthOn("2027-09-02").health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void downOnceNextYearIsWithin120DaysWithoutACalendar() {
    Health health = healthOn("2027-09-03").health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("loadedYears", List.of(2025, 2026, 2027))
        .containsEntry("missingYears", List.of(2028));
  }

  @Test
  void downWhenEvenTheCurrentYearHasNoCalendar() {
    assertThat(healthOn("2029-06-01").health().getDetails()).containsEntry("missingYears", List.of(2029));
  }

  @Test
  void startupLogNamesTheMissingYearsInOneErrorLine(CapturedOutput output) {
    healthOn("2027-10-01").reportMissingYears();

    assertThat(output.getAll())
        .containsOnlyOnce("ERROR")
        .contains("Production calendar missing for [2028]")
        .contains("regulation/production-calendar/");
  }

  @Test
  void startupLogIsQuietWhenNothingIsMissing(CapturedOutput output) {
    healthOn("2026-11-23").reportMissingYears();

    assertThat(output.getAll()).doesNotContain("Production calendar missing");
  }

  private static ProductionCalendarHealth healthOn(String date) {
    Clock clock = Clock.fixed(LocalDate.parse(date).atTime(12, 0).atZone(NOVOSIBIRSK).toInstant(), NOVOSIBIRSK);
    return new ProductionCalendarHealth(Regulation.officialCalendar(), clock);
  }
}
