package ru.cur.appeals.intake.importing;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.intake.AppealIntake;
import ru.cur.appeals.intake.importing.ImportJobs.BatchResult;
import ru.cur.appeals.intake.importing.ImportJobs.Issue;
import ru.cur.appeals.intake.importing.ImportJobs.Kind;
import ru.cur.appeals.regulation.ProductionCalendarYearMissing;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Commits the rows of an import a batch at a time: each new appeal with its process instance, the rows
 * whose number the registry already holds left as they are, the rejected rows on record, and the job's
 * counts, all in one transaction. A row that fails while it is registered rolls its batch back; the batch
 * then goes again row by row, so that the failing row is reported and every other row goes in.
 */
@Component
class ImportBatches {

  private static final Logger log = LoggerFactory.getLogger(ImportBatches.class);

  private final AppealIntake intake;
  private final AppealRepository appeals;
  private final ImportJobs jobs;
  private final TransactionTemplate transaction;

  ImportBatches(AppealIntake intake, AppealRepository appeals, ImportJobs jobs, TransactionTemplate transaction) {
    this.intake = intake;
    this.appeals = appeals;
    this.jobs = jobs;
    this.transaction = transaction;
  }

  /** A running job: its id and the room its report's lists have left. */
  static final class Job {

    private final String id;
    private int errorRoom;
    private int presentRoom;

    Job(String id, int maxListed) {
      this.id = id;
      this.errorRoom = maxListed;
      this.presentRoom = maxListed;
    }

    String id() {
      return id;
    }

    private void committed(BatchResult batch) {
      errorRoom -= (int) batch.issues().stream().filter(issue -> issue.kind() == Kind.ERROR).count();
      presentRoom -= (int) batch.issues().stream().filter(issue -> issue.kind() == Kind.PRESENT).count();
    }
  }

  /**
   * @param bytesRead how far the file is read once these rows are in
   * @throws RuntimeException when the database is unavailable: no row could go in, and none is reported
   */
  void commit(Job job, List<ImportRow> rows, long bytesRead) {
    try {
      job.committed(transaction.execute(status -> write(job, rows, bytesRead)));
    } catch (RuntimeException failure) {
      if (databaseUnavailable(failure)) {
        throw failure;
      }
      rows.forEach(row -> commitAlone(job, row, bytesRead));
    }
  }

  private void commitAlone(Job job, ImportRow row, long bytesRead) {
    try {
      job.committed(transaction.execute(status -> write(job, List.of(row), bytesRead)));
    } catch (DuplicateKeyException concurrentImport) {
      // The same number went in from elsewhere meanwhile (another import, committed first): now it is present.
      job.committed(transaction.execute(status -> write(job, List.of(row), bytesRead)));
    } catch (RuntimeException failure) {
      if (databaseUnavailable(failure)) {
        throw failure;
      }
      ImportRow rejected = new ImportRow.Rejected(row.row(), row.line(), row.registrationNumber(),
          List.of(new Violation("row", reasonOf(failure, row))));
      job.committed(transaction.execute(status -> write(job, List.of(rejected), bytesRead)));
    }
  }

  private BatchResult write(Job job, List<ImportRow> rows, long bytesRead) {
    Set<String> present = appeals.existingNumbers(rows.stream()
        .filter(ImportRow.Accepted.class::isInstance).map(ImportRow::registrationNumber).toList());
    Map<String, Integer> firstRowOf = new HashMap<>();
    List<Issue> issues = new ArrayList<>();
    int errorRoom = job.errorRoom;
    int presentRoom = job.presentRoom;
    int imported = 0;
    int alreadyPresent = 0;
    int rejected = 0;
    int errorsOmitted = 0;
    for (ImportRow row : rows) {
      if (row instanceof ImportRow.Rejected invalid) {
        rejected++;
        for (Violation violation : invalid.violations()) {
          if (errorRoom-- > 0) {
            issues.add(new Issue(Kind.ERROR, row.row(), row.line(), row.registrationNumber(), violation.field(),
                violation.message()));
          } else {
            errorsOmitted++;
          }
        }
      } else if (row instanceof ImportRow.Accepted valid) {
        String number = valid.registrationNumber();
        Integer earlierRow = firstRowOf.putIfAbsent(number, row.row());
        if (present.contains(number) || earlierRow != null) {
          alreadyPresent++;
          if (presentRoom-- > 0) {
            issues.add(new Issue(Kind.PRESENT, row.row(), row.line(), number, null, present.contains(number)
                ? "is already in the registry; the appeal was left as it is"
                : "repeats the registration number of row " + earlierRow + " of this file"));
          }
        } else {
          intake.registerImported(valid.submission(), number, job.id());
          imported++;
        }
      }
    }
    BatchResult batch = new BatchResult(imported, alreadyPresent, rejected, errorsOmitted, issues);
    jobs.add(job.id(), batch, bytesRead);
    return batch;
  }

  private static String reasonOf(RuntimeException failure, ImportRow row) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProductionCalendarYearMissing missing) {
        return "its terms end in " + missing.year() + ", a year without a production calendar: " + missing.getMessage();
      }
    }
    String reference = UUID.randomUUID().toString();
    log.error("Import: row {} could not be registered, reference {}", row.row(), reference, failure);
    return "could not be registered because of an internal error; give the reference " + reference
        + " to the support team";
  }

  /** Nothing can go in while the database is away: the job stops instead of rejecting every row after. */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
    }
    return false;
  }
}
