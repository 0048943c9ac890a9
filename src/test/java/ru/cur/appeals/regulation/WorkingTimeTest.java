package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.cur.appeals.regulation.TermUnit.CALENDAR_DAYS;
import static ru.cur.appeals.regulation.TermUnit.HOURS;
import static ru.cur.appeals.regulation.TermUnit.WORKING_DAYS;
import static ru.cur.appeals.regulation.TermUnit.WORKING_HOURS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Terms of the regulation counted on the official production calendar, in the region's local time. */
class WorkingTimeTest {

  private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ProductionCalendar CALENDAR = Regulation.officialCalendar();

  private final WorkingTime novosibirsk = workingTime(NOVOSIBIRSK, true);

  @Test
  void messageOnTheEveningOfDecember30AwaitsTheNewYearHolidaysOf2026() {
    assertThat(novosibirsk.plus(at("2025-12-30T19:00"), 8, WORKING_HOURS)).isEqualTo(at("2026-01-12T18:00"));
  }

  @Test
  void eightWorkingHoursFromFridayEveningEndOnMondayAtTheSameTime() {
    assertThat(novosibirsk.plus(at("2026-02-06T17:30"), 8, WORKING_HOURS)).isEqualTo(at("2026-02-09T17:30"));
  }

  @Test
  void workingHoursSkipTheMayHolidaysAndTheShortDaysBeforeThem() {
    // 30 April (short) 16:00–17:00, then 1–3 May off, then Monday 4 May.
    assertThat(novosibirsk.plus(at("2026-04-30T16:00"), 8, WORKING_HOURS)).isEqualTo(at("2026-05-04T17:00"));
    // 8 May (short) 16:00–17:00, then 9–11 May off, then Tuesday 12 May.
    assertThat(novosibirsk.plus(at("2026-05-08T16:00"), 2, WORKING_HOURS)).isEqualTo(at("2026-05-12T10:00"));
  }

  @Test
  void preHolidayDayEndsAtFivePm() {
    assertThat(novosibirsk.plus(at("2026-11-03T15:00"), 2, WORKING_HOURS)).isEqualTo(at("2026-11-03T17:00"));
    assertThat(novosibirsk.plus(at("2026-11-03T15:00"), 3, WORKING_HOURS)).isEqualTo(at("2026-11-05T10:00"));
    assertThat(novosibirsk.plus(at("2026-11-02T10:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-11-03T17:00"));
  }

  @Test
  void termEndingWhenTheMorningEndsStaysBeforeTheBreak() {
    assertThat(novosibirsk.plus(at("2026-02-09T09:00"), 4, WORKING_HOURS)).isEqualTo(at("2026-02-09T13:00"));
  }

  @Test
  void messageDuringTheBreakOrAtNightCountsFromTheNextOfficeMinute() {
    assertThat(novosibirsk.plus(at("2026-02-09T13:30"), 1, WORKING_HOURS)).isEqualTo(at("2026-02-09T15:00"));
    assertThat(novosibirsk.plus(at("2026-02-10T03:00"), 1, WORKING_HOURS)).isEqualTo(at("2026-02-10T10:00"));
  }

  @Test
  void workingDaysEndWhenTheOfficeClosesOnTheLastOfThem() {
    assertThat(novosibirsk.plus(at("2026-02-09T10:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-02-10T18:00"));
    assertThat(novosibirsk.plus(at("2026-02-14T11:00"), 1, WORKING_DAYS)).isEqualTo(at("2026-02-16T18:00"));
  }

  @Test
  void theSaturdayWorkedBecauseOfATransferCounts() {
    // 1 November 2025 is worked (short) instead of 3 November, which is off, and 4 November is a holiday.
    assertThat(novosibirsk.plus(at("2025-10-31T10:00"), 1, WORKING_DAYS)).isEqualTo(at("2025-11-01T17:00"));
    assertThat(novosibirsk.plus(at("2025-10-31T10:00"), 2, WORKING_DAYS)).isEqualTo(at("2025-11-05T18:00"));
    assertThat(novosibirsk.plus(at("2025-10-31T17:00"), 2, WORKING_HOURS)).isEqualTo(at("2025-11-01T10:00"));
  }

  @Test
  void thirtyDayTermUnder59FzThatEndsOnSundayEndsOnMonday() {
    // 2026-12-25 + 30 days is Sunday 2027-01-24.
    assertThat(novosibirsk.plus(at("2026-12-25T11:00"), 30, CALENDAR_DAYS)).isEqualTo(at("2027-01-25T18:00"));
  }

  @Test
  void thirtyDayTermEndsOnTheSundayItselfWhenDayOffDeadlinesAreNotMoved() {
    WorkingTime unmoved = workingTime(NOVOSIBIRSK, false);

    assertThat(unmoved.plus(at("2026-12-25T11:00"), 30, CALENDAR_DAYS)).isEqualTo(at("2027-01-24T18:00"));
  }

  @Test
  void calendarDayTermLandingOnASundayHolidayMovesPastTheTransferredMondayToo() {
    // 2026-02-06 + 30 days is Sunday 8 March; Monday 9 March is off in its place.
    assertThat(novosibirsk.plus(at("2026-02-06T10:00"), 30, CALENDAR_DAYS)).isEqualTo(at("2026-03-10T18:00"));
  }

  @Test
  void calendarDayTermLandingOnAShortDayEndsAtFivePm() {
    assertThat(novosibirsk.plus(at("2026-04-01T10:00"), 29, CALENDAR_DAYS)).isEqualTo(at("2026-04-30T17:00"));
  }

  @Test
  void clockHoursIgnoreTheCalendar() {
    assertThat(novosibirsk.plus(at("2026-02-06T17:30"), 8, HOURS)).isEqualTo(at("2026-02-07T01:30"));
    assertThat(novosibirsk.minus(at("2026-02-07T01:30"), 8, HOURS)).isEqualTo(at("2026-02-06T17:30"));
  }

  @Test
  void reminderWorkingHoursBeforeADeadlineWalkBackOverOfficeMinutes() {
    assertThat(novosibirsk.minus(at("2026-01-12T18:00"), 8, WORKING_HOURS)).isEqualTo(at("2026-01-12T09:00"));
    // Back over the New Year holidays and 31 December 2025, which is off.
    assertThat(novosibirsk.minus(at("2026-01-12T18:00"), 9, WORKING_HOURS)).isEqualTo(at("2025-12-30T17:00"));
    assertThat(novosibirsk.minus(at("2026-02-09T15:00"), 1, WORKING_HOURS)).isEqualTo(at("2026-02-09T14:00"));
    assertThat(novosibirsk.minus(at("2026-02-09T15:00"), 2, WORKING_HOURS)).isEqualTo(at("2026-02-09T12:00"));
  }

  @Test
  void reminderWorkingHoursBeforeIsTheMirrorOfTheTerm() {
    Instant start = at("2026-02-06T17:30");
    Instant deadline = novosibirsk.plus(start, 8, WORKING_HOURS);

    assertThat(novosibirsk.minus(deadline, 8, WORKING_HOURS)).isEqualTo(start);
  }

  @Test
  void reminderWorkingDaysBeforeADeadlineKeepsTheTimeOfDay() {
    assertThat(novosibirsk.minus(at("2026-01-12T18:00"), 1, WORKING_DAYS)).isEqualTo(at("2025-12-30T18:00"));
    assertThat(novosibirsk.minus(at("2025-11-05T18:00"), 1, WORKING_DAYS)).isEqualTo(at("2025-11-01T18:00"));
  }

  @Test
  void reminderCalendarDaysBeforeADeadlineMovesOffADayOffToTheWorkingDayBefore() {
    assertThat(novosibirsk.minus(at("2027-01-25T18:00"), 3, CALENDAR_DAYS)).isEqualTo(at("2027-01-22T18:00"));
    assertThat(novosibirsk.minus(at("2027-01-25T18:00"), 1, CALENDAR_DAYS)).isEqualTo(at("2027-01-22T18:00"));
    assertThat(workingTime(NOVOSIBIRSK, false).minus(at("2027-01-25T18:00"), 1, CALENDAR_DAYS))
        .isEqualTo(at("2027-01-24T18:00"));
  }

  @Test
  void noTermIsTheInstantItself() {
    Instant saturdayNight = at("2026-02-07T23:00");

    for (TermUnit unit : TermUnit.values()) {
      assertThat(novosibirsk.plus(saturdayNight, 0, unit)).isEqualTo(saturdayNight);
      assertThat(novosibirsk.minus(saturdayNight, 0, unit)).isEqualTo(saturdayNight);
    }
  }

  @Test
  void negativeTermIsRefused() {
    assertThatThrownBy(() -> novosibirsk.plus(at("2026-02-09T10:00"), -1, WORKING_DAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> novosibirsk.minus(at("2026-02-09T10:00"), -1, WORKING_HOURS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void termReachingIntoAYearWithoutCalendarFailsNamingTheFileToAdd() {
    assertThatThrownBy(() -> novosibirsk.plus(at("2027-12-30T10:00"), 2, WORKING_DAYS))
        .isInstanceOf(ProductionCalendarYearMissing.class)
        .hasMessageContaining(
            "Производственный календарь на 2028 год не загружен: добавьте regulation/production-calendar/2028.csv")
        .hasMessageContaining("the production calendar for 2028 is not loaded");
  }

  @Test
  void sameLocalDeadlineIsADifferentInstantInMoscowAndInNovosibirsk() {
    WorkingTime moscow = workingTime(MOSCOW, true);

    Instant inMoscow = moscow.plus(local("2026-02-09T10:00", MOSCOW), 1, WORKING_DAYS);
    Instant inNovosibirsk = novosibirsk.plus(local("2026-02-09T10:00", NOVOSIBIRSK), 1, WORKING_DAYS);

    assertThat(inMoscow).isEqualTo(Instant.parse("2026-02-10T15:00:00Z"));
    assertThat(inNovosibirsk).isEqualTo(Instant.parse("2026-02-10T11:00:00Z"));
  }

  @Test
  void sameMessageArrivesInOfficeHoursInMoscowAndAfterThemInNovosibirsk() {
    Instant message = Instant.parse("2026-02-06T14:30:00Z");

    assertThat(workingTime(MOSCOW, true).plus(message, 1, WORKING_HOURS)).isEqualTo(local("2026-02-09T09:30", MOSCOW));
    assertThat(novosibirsk.plus(message, 1, WORKING_HOURS)).isEqualTo(at("2026-02-09T10:00"));
  }

  private static WorkingTime workingTime(ZoneId zone, boolean moveDayOffDeadlines) {
    return new WorkingTime(CALENDAR, zone, Regulation.settings(moveDayOffDeadlines));
  }

  private static Instant at(String novosibirskTime) {
    return local(novosibirskTime, NOVOSIBIRSK);
  }

  private static Instant local(String localTime, ZoneId zone) {
    return LocalDateTime.parse(localTime).atZone(zone).toInstant();
  }
}
