package ru.cur.appeals.regulation;

/**
 * A date falls in a year for which no production calendar is loaded. Terms cannot be counted there without
 * guessing the Government's transfers of days off, so the calculation stops instead.
 */
public class ProductionCalendarYearMissing extends IllegalStateException {

  private final int year;

  ProductionCalendarYearMissing(int year) {
    super("Производственный календарь на " + year + " год не загружен: добавьте " + ProductionCalendar.FOLDER + year
        + ".csv (the production calendar for " + year + " is not loaded: add " + ProductionCalendar.FOLDER + year
        + ".csv)");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
