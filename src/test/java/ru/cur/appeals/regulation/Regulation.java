package ru.cur.appeals.regulation;

import java.time.LocalTime;

/** The office hours the application ships with, for building the regulation without Spring. */
final class Regulation {

  static final RegulationSettings.WorkingDay OFFICE_HOURS = new RegulationSettings.WorkingDay(
      LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), LocalTime.of(14, 0));

  private Regulation() {
  }

  static RegulationSettings settings(boolean moveDayOffDeadlines) {
    return new RegulationSettings(OFFICE_HOURS, moveDayOffDeadlines);
  }

  /** The calendar files shipped in src/main/resources. */
  static ProductionCalendar officialCalendar() {
    return new ProductionCalendar(settings(true));
  }
}
