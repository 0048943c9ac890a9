package ru.cur.appeals.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes that start together on one empty PostgreSQL database take turns: each holds this lock from its first
 * step on the database until it is ready. Flyway locks its own migrations, and Camunda its deployments, but not
 * what comes around them: Camunda creating its tables, the region's data loaded after the migrations, and the
 * authorizations, Tasklist filters and demo users written on every start (a second node inserting the same
 * group or filter a moment later failed on a unique key, or left two filters of one name).
 *
 * <p>A session-level advisory lock of PostgreSQL: a node killed while starting loses its session and with it
 * the lock. H2, the embedded demo's database, is one process's file, so there is nobody to wait for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** Any number that no other user of the database locks: "appeals" in ASCII. */
  private static final long KEY = 0x61_70_70_65_61_6c_73L;

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Whichever comes first takes the lock: Flyway's migration or the engine's build. Before Flyway does anything:
   * its checks of the schema history ran beside another node's migration, and two nodes created the history table.
   */
  @Override
  public void migrate(Flyway flyway) {
    acquire();
    flyway.migrate();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  private synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement sql = connection.createStatement()) {
        var tried = sql.executeQuery("select pg_try_advisory_lock(" + KEY + ")");
        tried.next();
        if (!tried.getBoolean(1)) {
          log.info("Another node is starting on this database; this one waits for it to be ready");
          sql.execute("select pg_advisory_lock(" + KEY + ")");
        }
      }
      held = connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Cannot take the startup lock on the database", e);
    }
  }

  /** Ready: another node may start. */
  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement sql = held.createStatement()) {
      sql.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Could not release the startup lock; it goes with the connection", e);
    } finally {
      closeQuietly(held);
      held = null;
    }
  }

  /** A start that failed, or a context closed before it was ready, lets the others go on. */
  @Override
  public void destroy() {
    release();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the startup lock's connection failed", e);
    }
  }
}
