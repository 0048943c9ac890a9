package ru.cur.appeals.intake.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.cur.appeals.intake.importing.ImportReport.State;

/**
 * The import jobs and their issues. A batch's counts and issues are written in the transaction of its
 * appeals, so a report never counts an appeal that is not there, whenever the job stopped.
 */
@Repository
class ImportJobs {

  private static final int NUMBER_LENGTH = 200;
  private static final int FIELD_LENGTH = 64;
  private static final int REASON_LENGTH = 1000;
  private static final int FAILURE_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final Clock clock;

  ImportJobs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a batch did; its issues are those still within the report's bounds. */
  record BatchResult(int imported, int present, int rejected, int errorsOmitted, List<Issue> issues) {}

  /** An error of a row ({@code ERROR}) or a row found already present ({@code PRESENT}). */
  record Issue(Kind kind, int row, long line, String registrationNumber, String field, String reason) {}

  enum Kind { ERROR, PRESENT }

  void create(String id, String createdBy, long fileBytes) {
    OffsetDateTime now = now();
    jdbc.sql("""
        insert into appeal_import (id, state, created_by, created_at, heartbeat_at, file_bytes, bytes_read,
          imported, already_present, rejected, errors_omitted)
        values (:id, :state, :createdBy, :now, :now, :fileBytes, 0, 0, 0, 0, 0)""")
        .param("id", id).param("state", State.RUNNING.name()).param("createdBy", createdBy).param("now", now)
        .param("fileBytes", fileBytes)
        .update();
  }

  /** Adds a committed batch: its counts, its issues, how far the file is read; the job is alive. */
  void add(String id, BatchResult batch, long bytesRead) {
    for (Issue issue : batch.issues()) {
      jdbc.sql("""
          insert into appeal_import_issue (import_id, kind, row_number, line_number, registration_number, field, reason)
          values (:id, :kind, :row, :line, :number, :field, :reason)""")
          .param("id", id).param("kind", issue.kind().name()).param("row", issue.row()).param("line", issue.line())
          .param("number", cut(issue.registrationNumber(), NUMBER_LENGTH))
          .param("field", cut(issue.field(), FIELD_LENGTH))
          .param("reason", cut(issue.reason(), REASON_LENGTH))
          .update();
    }
    jdbc.sql("""
        update appeal_import set imported = imported + :imported, already_present = already_present + :present,
          rejected = rejected + :rejected, errors_omitted = errors_omitted + :omitted, bytes_read = :bytesRead,
          heartbeat_at = :now
        where id = :id""")
        .param("imported", batch.imported()).param("present", batch.present()).param("rejected", batch.rejected())
        .param("omitted", batch.errorsOmitted()).param("bytesRead", bytesRead).param("now", now()).param("id", id)
        .update();
  }

  void finish(String id, State state, String failure) {
    jdbc.sql("update appeal_import set state = :state, failure = :failure, finished_at = :now where id = :id")
        .param("state", state.name()).param("failure", cut(failure, FAILURE_LENGTH)).param("now", now())
        .param("id", id).update();
  }

  /** Jobs that stopped writing progress {@code staleAfter} ago died with the application that ran them. */
  void interruptStale(Duration staleAfter) {
    jdbc.sql("""
        update appeal_import set state = :interrupted, finished_at = heartbeat_at,
          failure = 'The application stopped during the import; import the file again to import the rest'
        where state = :running and heartbeat_at < :before""")
        .param("interrupted", State.INTERRUPTED.name()).param("running", State.RUNNING.name())
        .param("before", now().minus(staleAfter))
        .update();
  }

  Optional<ImportReport> find(String id) {
    return jdbc.sql("""
        select id, state, created_by, created_at, finished_at, file_bytes, bytes_read, imported, already_present,
          rejected, errors_omitted, failure
        from appeal_import where id = :id""").param("id", id)
        .query(ImportJobs::withoutIssues).optional()
        .map(job -> new ImportReport(job.id(), job.state(), job.createdBy(), job.createdAt(), job.finishedAt(),
            job.progress(), job.rowsProcessed(), job.imported(), job.alreadyPresent(), job.rejected(),
            issues(id, Kind.ERROR, (rs, n) -> new ImportReport.Error(rs.getInt("row_number"), rs.getLong("line_number"),
                rs.getString("registration_number"), rs.getString("field"), rs.getString("reason"))),
            job.errorsOmitted(),
            issues(id, Kind.PRESENT, (rs, n) -> new ImportReport.Present(rs.getInt("row_number"),
                rs.getLong("line_number"), rs.getString("registration_number"), rs.getString("reason"))),
            job.failure()));
  }

  private static ImportReport withoutIssues(ResultSet rs, int row) throws SQLException {
    State state = State.valueOf(rs.getString("state"));
    long fileBytes = rs.getLong("file_bytes");
    int progress = state == State.COMPLETED || fileBytes == 0 ? 100 : (int) (rs.getLong("bytes_read") * 100 / fileBytes);
    int imported = rs.getInt("imported");
    int present = rs.getInt("already_present");
    int rejected = rs.getInt("rejected");
    return new ImportReport(rs.getString("id"), state, rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class), progress,
        imported + present + rejected, imported, present, rejected, List.of(), rs.getInt("errors_omitted"), List.of(),
        rs.getString("failure"));
  }

  private <T> List<T> issues(String id, Kind kind, RowMapper<T> mapper) {
    return jdbc.sql("""
        select row_number, line_number, registration_number, field, reason from appeal_import_issue
        where import_id = :id and kind = :kind order by row_number, id""")
        .param("id", id).param("kind", kind.name()).query(mapper).list();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
  }
}
