package ru.cur.appeals.intake.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of an import file, named in its header line in any order and any letter case. What a 59-ФЗ
 * appeal cannot do without is required (art. 7: the author's name and the text; the registration that the
 * import keeps); the e-mail or postal address for the answer is checked per row, as for any official appeal.
 */
enum ImportColumn {
  REGISTRATION_NUMBER(true),
  REGISTRATION_DATE(true),
  NAME(true),
  EMAIL(false),
  PHONE(false),
  POSTAL_ADDRESS(false),
  TEXT(true),
  TERRITORY(false),
  CATEGORY(false),
  ADDRESS(false),
  CHANNEL(false);

  private final boolean required;

  ImportColumn(boolean required) {
    this.required = required;
  }

  /** How the header names the column: {@code registration_number}. */
  String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean required() {
    return required;
  }

  static Optional<ImportColumn> byHeader(String header) {
    String wanted = header.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(column -> column.header().equals(wanted)).findFirst();
  }

  static String allHeaders() {
    return Arrays.stream(values()).map(ImportColumn::header).collect(Collectors.joining(", "));
  }
}
