package ru.cur.appeals.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database is away (stopped, restarting, unreachable): the request is refused with {@code 503} and
 * {@code Retry-After} instead of a {@code 500}, since the caller can simply send it again later. Nothing was
 * stored: the transaction the request ran in could not commit. Recognised by the cause however deeply the
 * engine, MyBatis or Spring wrapped it.
 */
public final class DatabaseOutage {

  static final String RETRY_AFTER_SECONDS = "30";
  /** SQLSTATE classes of a lost database: 08 connection exception, 57P operator intervention (shutdown). */
  private static final String[] OUTAGE_STATES = {"08", "57P"};
  /**
   * What Hikari's stand-in for a connection answers once the pool has marked the connection broken (it does so
   * only on a lost connection's SQLSTATE): a commit that fails that way is followed by a rollback on the stand-in,
   * and Spring throws the rollback's exception, without a state, in place of the commit's.
   */
  private static final String BROKEN_POOLED_CONNECTION = "Connection is closed";

  private DatabaseOutage() {}

  public static boolean isCauseOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLException sql && (isOutageState(sql.getSQLState()) || isBrokenPooledConnection(sql))) {
        return true;
      }
      // A rollback on a dead connection fails too, and its exception replaces the one that says why.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && isCauseOf(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBrokenPooledConnection(SQLException failure) {
    return failure.getSQLState() == null && BROKEN_POOLED_CONNECTION.equals(failure.getMessage());
  }

  private static boolean isOutageState(String state) {
    if (state == null) {
      return false;
    }
    for (String prefix : OUTAGE_STATES) {
      if (state.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public static ResponseEntity<ProblemDetail> response() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The registry's database is unavailable right now; nothing was stored. Retry later");
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }
}
