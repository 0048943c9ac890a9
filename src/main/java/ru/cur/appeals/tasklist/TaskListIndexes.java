package ru.cur.appeals.tasklist;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * What the database needs to answer Tasklist's pages with tens of thousands of open appeals (bench/README.md),
 * added to the engine's tables once Camunda has created them (Flyway runs before, on a database without them):
 *
 * <ul>
 *   <li>tasks in the order every filter shows them, soonest deadline first: a page of 15 is read from the front of
 *       the index instead of sorting all of a group's tasks (the moderators' page 255 → 37 ms with 22,500 of
 *       them);
 *   <li>tasks by their parent task: Camunda looks up a task's subtasks with every task it completes or deletes
 *       ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and its schema has no index for it
 *       (camunda/camunda#36824): every open task of the center read per completed task, 35–100 ms each with
 *       125,000 of them, seen in {@code pg_stat_activity} while the benchmark's moderators worked;
 *   <li>a group's candidate tasks, and the resources a group's grants name with their permissions, each read from
 *       its index alone: an organisation's count with 37,334 tasks of its own read them and their 37,334 per-task
 *       grants from the tables' rows, scattered over 11,000 pages (144 → 116 ms in {@code EXPLAIN ANALYZE} at
 *       100,000 open appeals; the page 99 → 63 ms);
 *   <li>on PostgreSQL, statistics of the permission bits of authorizations: the engine filters them by
 *       {@code PERMS_ & n = n}, which PostgreSQL otherwise guesses at a few rows, and then joins every task of an
 *       organisation with every one of its per-task authorizations (2.8 s → 0.1 s for a page with 3,500 of them).
 * </ul>
 *
 * All are kept up by the database itself; a start that finds them creates nothing. An index is built once,
 * by the first start after an upgrade, holding the task table's writes for the seconds that takes (not
 * {@code concurrently}: that waits for every open transaction, among them those of the starting node itself,
 * and the two-node test hung on it).
 */
@Component
@Order(2)
class TaskListIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskListIndexes.class);

  private final DataSource dataSource;

  TaskListIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      index(statement, postgres, "ix_task_due_created", "act_ru_task (due_date_, create_time_)");
      index(statement, postgres, "ix_task_parent", "act_ru_task (parent_task_id_)");
      index(statement, postgres, "ix_identitylink_group_task", "act_ru_identitylink (group_id_, type_, task_id_)");
      index(statement, postgres, "ix_authorization_group_grants",
          "act_ru_authorization (group_id_, resource_type_, type_, resource_id_, perms_)");
      // Once created, PostgreSQL's own analyses keep the statistics up; a start that finds them analyses nothing.
      if (postgres && !exists(statement, "pg_statistic_ext where stxname = 'st_authorization_permissions'")) {
        statement.execute("""
            create statistics if not exists st_authorization_permissions
              on (perms_ & 2), (perms_ & 64), resource_type_, type_ from act_ru_authorization""");
        statement.execute("analyze act_ru_authorization");
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot add Tasklist's indexes to the engine's tables", e);
    }
    log.info("Tasklist's indexes and statistics are in place");
  }

  private static void index(Statement statement, boolean postgres, String name, String tableAndColumns)
      throws SQLException {
    if (!postgres || !exists(statement, "pg_indexes where indexname = '" + name + "'")) {
      statement.execute("create index if not exists " + name + " on " + tableAndColumns);
    }
  }

  /** Looked up first: creating an index, even one that exists, waits for the writes on the table under way. */
  private static boolean exists(Statement statement, String catalogRows) throws SQLException {
    try (ResultSet found = statement.executeQuery("select count(*) from " + catalogRows)) {
      return found.next() && found.getLong(1) > 0;
    }
  }
}
