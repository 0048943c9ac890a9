package ru.cur.appeals.intake.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Where each column stands in the file, from its header line. A header that names an unknown column is
 * refused rather than read around: a misspelt {@code emial} would otherwise drop every address silently.
 * Empty header cells (trailing separators of a spreadsheet) are ignored.
 */
final class ImportHeader {

  private final Map<ImportColumn, Integer> positions;
  private final int width;

  private ImportHeader(Map<ImportColumn, Integer> positions, int width) {
    this.positions = positions;
    this.width = width;
  }

  /** @throws InvalidInputException naming every column to fix */
  static ImportHeader of(CsvRecords.Record header) {
    if (header == null || header.isBlank()) {
      throw new InvalidInputException(List.of(new Violation("header", "the file is empty; its first line names the "
          + "columns, e.g. " + Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
              .collect(Collectors.joining(";")))));
    }
    Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i);
      if (name.isBlank()) {
        continue;
      }
      int position = i;
      ImportColumn.byHeader(name).ifPresentOrElse(column -> {
        if (positions.putIfAbsent(column, position) != null) {
          violations.add(new Violation(column.header(), "is named twice in the header"));
        }
      }, () -> violations.add(new Violation(name.strip(), "is not a column of the import; the columns are "
          + ImportColumn.allHeaders())));
    }
    for (ImportColumn column : ImportColumn.values()) {
      if (column.required() && !positions.containsKey(column)) {
        violations.add(new Violation(column.header(), "is a required column and missing from the header"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new ImportHeader(positions, header.fields().size());
  }

  /** The column's value in the record, stripped; null when the column is absent or the cell empty. */
  String value(CsvRecords.Record record, ImportColumn column) {
    Integer position = positions.get(column);
    if (position == null || position >= record.fields().size()) {
      return null;
    }
    String value = record.fields().get(position).strip();
    return value.isEmpty() ? null : value;
  }

  /** Cells beyond the header's columns that hold something: a separator inside an unquoted field, usually. */
  boolean overflows(CsvRecords.Record record) {
    return record.fields().stream().skip(width).anyMatch(field -> !field.isBlank());
  }
}
