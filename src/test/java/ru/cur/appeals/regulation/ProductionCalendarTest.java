package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.cur.appeals.regulation.Regulation.OFFICE_HOURS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The calendar files against the Labour Code, the Government's decrees and the official yearly norms. */
class ProductionCalendarTest {

  private static final ProductionCalendar CALENDAR = Regulation.officialCalendar();

  /** ТК РФ ст. 112 ч. 1: the non-working public holidays. */
  private static final List<MonthDay> PUBLIC_HOLIDAYS = List.of(
      MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
      MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
      MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

  @Test
  void everyShippedYearIsLoaded() {
    assertThat(CALENDAR.years()).containsExactly(2025, 2026, 2027);
  }

  @ParameterizedTest(name = "{0}: {1} working days, {2} hours in a 40-hour week")
  @CsvSource({
      "2025, 247, 1972", // official norm, ПП от 04.10.2024 № 1335
      "2026, 247, 1972", // ПП от 24.09.2025 № 1466
      "2027, 247, 1972"}) // ПП от 17.09.2026 № 1187; counted, not yet checked against a published norm
  void yearHasTheOfficialNumberOfWorkingDaysAndHours(int year, int workingDays, int hours) {
    int days = 0;
    Duration worked = Duration.ZERO;
    for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
      if (CALENDAR.isWorkingDay(date)) {
        days++;
        for (WorkingInterval interval : CALENDAR.workingIntervals(date)) {
          worked = worked.plus(Duration.between(interval.start(), interval.end()));
        }
      }
    }

    assertThat(days).isEqualTo(workingDays);
    assertThat(worked.toHours()).isEqualTo(hours);
  }

  @ParameterizedTest
  @ValueSource(ints = {2025, 2026, 2027})
  void publicHolidaysOfTheLabourCodeAreNeverWorked(int year) {
    for (MonthDay holiday : PUBLIC_HOLIDAYS) {
      assertThat(CALENDAR.isWorkingDay(holiday.atYear(year))).as("%s-%s", year, holiday).isFalse();
    }
  }

  @ParameterizedTest(name = "{0} is off: {1}")
  @CsvSource(delimiter = '|', value = {
      "2025-05-02 | moved from Saturday 4 January (ПП № 1335)",
      "2025-12-31 | moved from Sunday 5 January (ПП № 1335)",
      "2025-05-08 | moved from Sunday 23 February (ПП № 1335)",
      "2025-06-13 | moved from Saturday 8 March (ПП № 1335)",
      "2025-11-03 | moved from Saturday 1 November (ПП № 1335)",
      "2026-01-09 | moved from Saturday 3 January (ПП № 1466)",
      "2026-12-31 | moved from Sunday 4 January (ПП № 1466)",
      "2026-03-09 | Sunday 8 March moves to the next working day (ТК РФ ст. 112 ч. 2)",
      "2026-05-11 | Saturday 9 May moves to the next working day (ТК РФ ст. 112 ч. 2)",
      "2027-02-22 | moved from Saturday 20 February (ПП № 1187)",
      "2027-11-05 | moved from Saturday 2 January (ПП № 1187)",
      "2027-12-31 | moved from Sunday 3 January (ПП № 1187)",
      "2027-05-03 | Saturday 1 May moves to the next working day (ТК РФ ст. 112 ч. 2)",
      "2027-05-10 | Sunday 9 May moves to the next working day (ТК РФ ст. 112 ч. 2)",
      "2027-06-14 | Saturday 12 June moves to the next working day (ТК РФ ст. 112 ч. 2)"})
  void transferredDayOffIsNotWorked(LocalDate date, String reason) {
    assertThat(CALENDAR.isWorkingDay(date)).isFalse();
  }

  @Test
  void februaryHolidaysOf2025WereMovedByDecreeNotToTheNextMonday() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 24))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 3, 10))).isTrue();
  }

  @ParameterizedTest(name = "Saturday {0} is worked, an hour shorter")
  @ValueSource(strings = {"2025-11-01", "2027-02-20"})
  void saturdayWorkedBecauseOfATransferIsAShortDay(LocalDate saturday) {
    assertThat(CALENDAR.isWorkingDay(saturday)).isTrue();
    assertThat(CALENDAR.closingTime(saturday)).isEqualTo(LocalTime.of(17, 0));
  }

  @Test
  void ordinaryDayRunsNineToSixWithABreakAtOne() {
    assertThat(CALENDAR.workingIntervals(LocalDate.of(2026, 2, 9))).containsExactly(
        new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(13, 0)),
        new WorkingInterval(LocalTime.of(14, 0), LocalTime.of(18, 0)));
  }

  @Test
  void preHolidayDayClosesAnHourEarly() {
    assertThat(CALENDAR.workingIntervals(LocalDate.of(2026, 11, 3))).containsExactly(
        new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(13, 0)),
        new WorkingInterval(LocalTime.of(14, 0), LocalTime.of(17, 0)));
  }

  @Test
  void dayOffHasNoOfficeHours() {
    assertThat(CALENDAR.workingIntervals(LocalDate.of(2026, 2, 7))).isEmpty();
    assertThat(CALENDAR.workingIntervals(LocalDate.of(2026, 1, 9))).isEmpty();
  }

  @Test
  void dateInAYearWithoutFileNamesTheFileToAdd() {
    assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2028, 3, 1)))
        .isInstanceOf(ProductionCalendarYearMissing.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Производственный календарь на 2028 год не загружен: добавьте "
            + "regulation/production-calendar/2028.csv (the production calendar for 2028 is not loaded: add "
            + "regulation/production-calendar/2028.csv)")
        .extracting(missing -> ((ProductionCalendarYearMissing) missing).year()).isEqualTo(2028);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "2026-13-01;HOLIDAY;            | is not a date (yyyy-mm-dd)",
      "2026-01-05;DAY_OFF;            | unknown type 'DAY_OFF'",
      "2026-01-05;WORKDAY;Monday      | WORKDAY on a MONDAY",
      "2026-01-03;HOLIDAY;Saturday    | HOLIDAY on a SATURDAY",
      "2027-01-04;HOLIDAY;next year   | 2027-01-04 is outside 2026",
      "2026-01-05                     | expected date;type;comment"})
  void wrongRowStopsTheStartNamingFileAndLine(String row, String problem, @TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("2026.csv"), "# test calendar\n2026-01-02;HOLIDAY;\n" + row + "\n");

    assertThatThrownBy(() -> new ProductionCalendar(OFFICE_HOURS, folder.toUri() + "*.csv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2026.csv")
        .hasMessageContaining("line 3: ")
        .hasMessageContaining(problem);
  }

  @Test
  void dateListedTwiceStopsTheStart(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("2026.csv"), "2026-01-02;HOLIDAY;\n2026-01-02;SHORT;\n");

    assertThatThrownBy(() -> new ProductionCalendar(OFFICE_HOURS, folder.toUri() + "*.csv"))
        .hasMessageContaining("2026.csv")
        .hasMessageContaining("line 2: 2026-01-02 is listed twice");
  }

  @Test
  void fileNotNamedAfterItsYearStopsTheStart(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("calendar-2026.csv"), "2026-01-02;HOLIDAY;\n");

    assertThatThrownBy(() -> new ProductionCalendar(OFFICE_HOURS, folder.toUri() + "*.csv"))
        .hasMessageContaining("calendar-2026.csv")
        .hasMessageContaining("named after its year");
  }

  @Test
  void noCalendarAtAllStopsTheStart(@TempDir Path folder) {
    assertThatThrownBy(() -> new ProductionCalendar(OFFICE_HOURS, folder.toUri() + "*.csv"))
        .hasMessageContaining("No production calendar file matches");
  }
}
