package ru.cur.appeals.intake.importing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import as {@code GET /api/appeals/import/{id}} shows it: how far the job is, what it did with the rows
 * so far, the first errors with their row, column and reason, and the first rows whose registration number
 * the registry already held. Counts cover every row; the lists are bounded ({@code errorsOmitted} says how
 * many error entries did not fit).
 *
 * @param progress percent of the file read
 * @param failure why the job stopped before the end of the file (FAILED or INTERRUPTED); null otherwise
 */
record ImportReport(
    String id,
    State state,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt,
    int progress,
    int rowsProcessed,
    int imported,
    int alreadyPresent,
    int rejected,
    List<Error> errors,
    int errorsOmitted,
    List<Present> alreadyPresentRows,
    String failure) {

  enum State {
    /** The file is being read; the counts grow with every committed batch. */
    RUNNING,
    /** Every row of the file was imported, found present or rejected. */
    COMPLETED,
    /** The file could not be read on (broken quoting, database gone); the rows before stay imported. */
    FAILED,
    /** The application stopped during the import; the rows before stay imported. */
    INTERRUPTED
  }

  /** A reason a row was not imported; a row with several faults has one entry for each. */
  record Error(int row, long line, String registrationNumber, String field, String reason) {}

  /** A row left as it is because its registration number is already in the registry. */
  record Present(int row, long line, String registrationNumber, String reason) {}
}
