package ru.cur.appeals.regulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The official Russian production calendar: which dates are worked and during which hours. Each year is one
 * file, {@code regulation/production-calendar/YYYY.csv}, listing only the exceptions to the five-day week
 * (see {@link DayType}). A wrong row stops the application at startup with its file and line, because a
 * silently skipped holiday would move every deadline around it.
 */
// "productionCalendar" is the health indicator's name, the key under which /actuator/health reports it.
@Component("productionCalendarFiles")
class ProductionCalendar {

  static final String FOLDER = "regulation/production-calendar/";

  private static final String FILES = "classpath*:" + FOLDER + "*.csv";
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");

  private final RegulationSettings.WorkingDay hours;
  private final Map<Integer, Map<LocalDate, DayType>> exceptionsByYear;

  @Autowired
  ProductionCalendar(RegulationSettings settings) {
    this(settings.workingDay(), FILES);
  }

  /** Reads the calendar from {@code files}, a resource pattern such as {@code file:/some/dir/*.csv}. */
  ProductionCalendar(RegulationSettings.WorkingDay hours, String files) {
    this.hours = hours;
    this.exceptionsByYear = load(files);
  }

  /** The years that have a file. */
  SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(exceptionsByYear.keySet()));
  }

  /** @throws ProductionCalendarYearMissing when the date's year has no file */
  boolean isWorkingDay(LocalDate date) {
    DayType type = typeOf(date);
    return type == null ? !isWeekend(date) : type != DayType.HOLIDAY;
  }

  /** The office hours of the date in order, none on a day off. */
  List<WorkingInterval> workingIntervals(LocalDate date) {
    if (!isWorkingDay(date)) {
      return List.of();
    }
    return List.of(
        new WorkingInterval(hours.start(), hours.breakStart()),
        new WorkingInterval(hours.breakEnd(), closingTime(date)));
  }

  /** When the office closes on the date: an hour early on a pre-holiday day, as usual on any other day. */
  LocalTime closingTime(LocalDate date) {
    return typeOf(date) == DayType.SHORT ? hours.shortEnd() : hours.end();
  }

  private DayType typeOf(LocalDate date) {
    Map<LocalDate, DayType> exceptions = exceptionsByYear.get(date.getYear());
    if (exceptions == null) {
      throw new ProductionCalendarYearMissing(date.getYear());
    }
    return exceptions.get(date);
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Map<Integer, Map<LocalDate, DayType>> load(String files) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(files);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the production calendar files " + files, e);
    }
    if (resources.length == 0) {
      throw new IllegalStateException("No production calendar file matches " + files);
    }
    Map<Integer, Map<LocalDate, DayType>> years = new TreeMap<>();
    Map<Integer, Resource> sources = new HashMap<>();
    for (Resource resource : resources) {
      int year = yearOf(resource);
      Resource earlier = sources.putIfAbsent(year, resource);
      if (earlier != null) {
        throw new IllegalStateException("Two production calendar files for " + year + ": "
            + earlier.getDescription() + " and " + resource.getDescription());
      }
      years.put(year, Collections.unmodifiableMap(read(resource, year)));
    }
    return Collections.unmodifiableMap(years);
  }

  private static int yearOf(Resource resource) {
    Matcher name = YEAR_FILE.matcher(String.valueOf(resource.getFilename()));
    if (!name.matches()) {
      throw new IllegalStateException("Production calendar " + resource.getDescription()
          + ": the file must be named after its year, e.g. 2026.csv");
    }
    return Integer.parseInt(name.group(1));
  }

  private static Map<LocalDate, DayType> read(Resource resource, int year) {
    String content;
    try {
      content = resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the production calendar " + resource.getDescription(), e);
    }
    Map<LocalDate, DayType> exceptions = new HashMap<>();
    List<String> lines = content.replace("\uFEFF", "").lines().toList();
    for (int index = 0; index < lines.size(); index++) {
      String line = lines.get(index).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Row row = new Row(resource, index + 1, line.split(";", 3));
      LocalDate date = row.date(year);
      DayType type = row.type();
      if (type == DayType.WORKDAY && !isWeekend(date)) {
        throw row.invalid("WORKDAY on a " + date.getDayOfWeek()
            + ": Monday to Friday is worked anyway, WORKDAY marks a worked Saturday or Sunday");
      }
      if (type == DayType.HOLIDAY && isWeekend(date)) {
        throw row.invalid("HOLIDAY on a " + date.getDayOfWeek()
            + ": Saturday and Sunday are off anyway, list the weekday the day off moves to");
      }
      if (exceptions.putIfAbsent(date, type) != null) {
        throw row.invalid(date + " is listed twice");
      }
    }
    return exceptions;
  }

  /** One data line of a calendar file, which knows where it stands for the error messages. */
  private record Row(Resource resource, int number, String[] fields) {

    LocalDate date(int year) {
      LocalDate date;
      try {
        date = LocalDate.parse(fields[0].strip());
      } catch (DateTimeParseException e) {
        throw invalid("'" + fields[0].strip() + "' is not a date (yyyy-mm-dd)");
      }
      if (date.getYear() != year) {
        throw invalid(date + " is outside " + year + ", the year of the file");
      }
      return date;
    }

    DayType type() {
      if (fields.length < 2) {
        throw invalid("expected date;type;comment");
      }
      try {
        return DayType.valueOf(fields[1].strip());
      } catch (IllegalArgumentException e) {
        throw invalid("unknown type '" + fields[1].strip() + "', expected one of " + Arrays.toString(DayType.values()));
      }
    }

    IllegalStateException invalid(String problem) {
      return new IllegalStateException(
          "Production calendar " + resource.getDescription() + ", line " + number + ": " + problem);
    }
  }
}
