package ru.cur.appeals.intake.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.appeal.Regime;
import ru.cur.appeals.intake.AppealIntake;
import ru.cur.appeals.intake.AppealSubmission;
import ru.cur.appeals.regulation.ProductionCalendarYearMissing;
import ru.cur.appeals.regulation.WorkingTime;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Reads a row of an import file into an appeal, or says what is wrong with it, column by column. The
 * appeal itself is checked exactly as intake checks an official appeal ({@link AppealIntake#validate});
 * what is the import's own is checked here: the other registry's number and date, and that only 59-ФЗ
 * channels are imported.
 */
@Component
class ImportRowReader {

  /** The column {@code registration_number} of the appeal table; the number is also the address of the appeal. */
  static final int NUMBER_MAX_LENGTH = 40;
  /** Letters, digits, spaces and {@code . _ - №}: the number is a path segment of {@code GET /api/appeals/{id}}. */
  private static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}№][\\p{L}\\p{N} ._№-]*");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("d.M.uuuu[ H:mm[:ss]]")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss]]")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Channel DEFAULT_CHANNEL = Channel.OFFICIAL;
  /** Intake names fields as its JSON does; the import names the columns of its file. */
  private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
      "author.name", ImportColumn.NAME.header(),
      "author.email", ImportColumn.EMAIL.header(),
      "author.phone", ImportColumn.PHONE.header(),
      "author.postalAddress", ImportColumn.POSTAL_ADDRESS.header(),
      "author", ImportColumn.EMAIL.header() + ", " + ImportColumn.POSTAL_ADDRESS.header(),
      "receivedAt", ImportColumn.REGISTRATION_DATE.header());

  private final AppealIntake intake;
  private final WorkingTime workingTime;
  private final Clock clock;
  private final String ownPrefix;

  ImportRowReader(AppealIntake intake, WorkingTime workingTime, Clock clock,
      @Value("${appeals.registration-prefix}") String registrationPrefix) {
    this.intake = intake;
    this.workingTime = workingTime;
    this.clock = clock;
    this.ownPrefix = registrationPrefix + "-";
  }

  ImportRow read(ImportHeader header, CsvRecords.Record record) {
    List<Violation> violations = new ArrayList<>();
    String number = header.value(record, ImportColumn.REGISTRATION_NUMBER);
    checkNumber(number, violations);
    OffsetDateTime registeredAt = registrationDate(header.value(record, ImportColumn.REGISTRATION_DATE), violations);
    String channel = channel(header.value(record, ImportColumn.CHANNEL), violations);
    if (header.overflows(record)) {
      violations.add(new Violation("row", "has more cells than the header has columns (" + record.fields().size()
          + "); a text with the separator in it must be in double quotes"));
    }
    AppealSubmission submission = new AppealSubmission(channel, null,
        header.value(record, ImportColumn.TEXT),
        new AppealSubmission.Author(header.value(record, ImportColumn.NAME), header.value(record, ImportColumn.EMAIL),
            header.value(record, ImportColumn.PHONE), header.value(record, ImportColumn.POSTAL_ADDRESS), null),
        header.value(record, ImportColumn.TERRITORY), null, header.value(record, ImportColumn.ADDRESS),
        header.value(record, ImportColumn.CATEGORY), null, registeredAt);
    try {
      intake.validate(submission);
    } catch (InvalidInputException invalid) {
      invalid.violations().stream()
          // The registration date has been checked above, in the import's words.
          .filter(violation -> !"receivedAt".equals(violation.field()))
          .map(ImportRowReader::inColumns)
          .forEach(violations::add);
    }
    return violations.isEmpty()
        ? new ImportRow.Accepted(record.row(), record.line(), number, submission)
        : new ImportRow.Rejected(record.row(), record.line(), number, violations);
  }

  private void checkNumber(String number, List<Violation> violations) {
    String column = ImportColumn.REGISTRATION_NUMBER.header();
    if (number == null) {
      violations.add(new Violation(column, "is required: the number the registry gave the appeal"));
    } else if (number.length() > NUMBER_MAX_LENGTH) {
      violations.add(new Violation(column, "is longer than " + NUMBER_MAX_LENGTH + " characters"));
    } else if (number.startsWith(ownPrefix)) {
      violations.add(new Violation(column, "starts with «" + ownPrefix + "», which numbers the appeals this registry "
          + "registers itself; an imported appeal keeps the number of the registry that registered it"));
    } else if (!NUMBER.matcher(number).matches()) {
      violations.add(new Violation(column, "may hold letters, digits, spaces and . _ - № only, starting with a letter, "
          + "digit or №: the number is the appeal's address in the API (GET /api/appeals/{number}), where «/», «?», «#» "
          + "and «%» cannot stand"));
    }
  }

  /**
   * {@code 03.11.2025}, {@code 03.11.2025 14:30}, {@code 2025-11-03}, {@code 2025-11-03T14:30[:00]} in the
   * region's time, or with an offset; a date alone is the start of that day in the region.
   */
  private OffsetDateTime registrationDate(String value, List<Violation> violations) {
    String column = ImportColumn.REGISTRATION_DATE.header();
    if (value == null) {
      violations.add(new Violation(column, "is required: the date the registry registered the appeal, e.g. 03.11.2025"));
      return null;
    }
    OffsetDateTime registeredAt;
    try {
      registeredAt = parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Violation(column, "'" + value + "' is not a date; write 03.11.2025, 03.11.2025 14:30 or "
          + "2025-11-03"));
      return null;
    }
    if (registeredAt.isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
      violations.add(new Violation(column, "lies in the future; give the date the registry registered the appeal"));
      return null;
    }
    try {
      workingTime.isWorkingDay(registeredAt.atZoneSameInstant(workingTime.zone()).toLocalDate());
    } catch (ProductionCalendarYearMissing missing) {
      violations.add(new Violation(column, "lies in " + missing.year() + ", a year without a production calendar, "
          + "so its terms cannot be counted: " + missing.getMessage()));
      return null;
    }
    return registeredAt;
  }

  private OffsetDateTime parse(String value) {
    if (value.length() > 10 && (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
      return OffsetDateTime.parse(value.replace(' ', 'T'));
    }
    DateTimeFormatter format = value.contains(".") ? RUSSIAN : ISO_LOCAL;
    TemporalAccessor parsed = format.parseBest(value, LocalDateTime::from, LocalDate::from);
    LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
    return local.atZone(workingTime.zone()).toOffsetDateTime();
  }

  private static String channel(String value, List<Violation> violations) {
    if (value == null) {
      return DEFAULT_CHANNEL.name();
    }
    List<String> allowed = Arrays.stream(Channel.values()).filter(channel -> channel.regime() == Regime.FZ59)
        .map(Enum::name).toList();
    if (!allowed.contains(value)) {
      violations.add(new Violation(ImportColumn.CHANNEL.header(), "'" + value + "' is not a channel of official "
          + "appeals; one of " + String.join(", ", allowed) + ", or empty for " + DEFAULT_CHANNEL));
      return DEFAULT_CHANNEL.name();
    }
    return value;
  }

  private static Violation inColumns(Violation violation) {
    String message = violation.message();
    for (Map.Entry<String, String> names : COLUMN_OF_FIELD.entrySet()) {
      if (names.getKey().contains(".")) {
        message = message.replace(names.getKey(), names.getValue());
      }
    }
    return new Violation(COLUMN_OF_FIELD.getOrDefault(violation.field(), violation.field()), message);
  }
}
