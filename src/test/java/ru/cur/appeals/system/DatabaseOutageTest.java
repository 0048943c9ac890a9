package ru.cur.appeals.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away, send it again later" (503) and which are errors (500). */
class DatabaseOutageTest {

  @Test
  void theServerShuttingDownUnderAStatementIsAnOutage() {
    SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("wrapped", shutdown))).isTrue();
  }

  @Test
  void aCommitLostWithItsConnectionIsAnOutageThoughSpringReportsOnlyTheFailedRollback() {
    // Hikari marked the connection broken at the commit; the rollback then meets its closed stand-in.
    SQLException closed = new SQLException("Connection is closed");
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", closed);
    assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("wrapped", rollback))).isTrue();
  }

  @Test
  void aRollbackFailingOverAnOutageIsAnOutage() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
    rollback.initApplicationException(new SQLException("connection refused", "08001"));
    assertThat(DatabaseOutage.isCauseOf(rollback)).isTrue();
  }

  @Test
  void anErrorOfTheDataIsNoOutage() {
    SQLException duplicate = new SQLIntegrityConstraintViolationException("duplicate key", "23505");
    assertThat(DatabaseOutage.isCauseOf(new DuplicateKeyException("insert", duplicate))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new TransactionSystemException("JDBC commit failed",
        new SQLException("could not serialize access", "40001")))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new SQLException("Connection is closed", "42000"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("no database involved"))).isFalse();
  }
}
