package ru.cur.appeals.intake.importing;

import java.util.List;
import ru.cur.appeals.intake.AppealSubmission;
import ru.cur.appeals.system.InvalidInputException.Violation;

/** One row of an import file, read: an appeal to take in, or what is wrong with it. */
sealed interface ImportRow {

  /** The row as a spreadsheet numbers it (the header is row 1). */
  int row();

  /** The line of the file the row starts on. */
  long line();

  /** As written in the file; null when the cell is empty. */
  String registrationNumber();

  record Accepted(int row, long line, String registrationNumber, AppealSubmission submission) implements ImportRow {}

  /** Each violation names the column to fix. */
  record Rejected(int row, long line, String registrationNumber, List<Violation> violations) implements ImportRow {}
}
