package ru.cur.appeals.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a task query — Tasklist's filters, the REST task list — is planned for the values it runs with.
 * The JDBC driver prepares a statement on the server after five runs, and PostgreSQL may then keep one plan for
 * any values: for the task query that plan cannot see how many authorizations the user's groups have (their
 * permission bits are parameters) and joined an organisation's every task with every one of them, 0.2 s becoming
 * 28 s for a page with 3,500 open tasks (bench/README.md). Only these commands, within their own transaction:
 * planning every statement of the application anew cost intake a fifth of its speed.
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  TaskQueryPlans(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!onPostgres(dataSource)) {
      return;
    }
    List<CommandInterceptor> interceptors = new ArrayList<>(
        Objects.requireNonNullElse(configuration.getCustomPostCommandInterceptorsTxRequired(), List.of()));
    interceptors.add(new PlannedForTheirValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Whether the engine's database is PostgreSQL, where the task queries need what this package gives them. */
  static boolean onPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot tell which database the engine runs on", e);
    }
  }

  /** Inside the command's transaction, after the engine's own interceptors: the setting ends with it. */
  private final class PlannedForTheirValues extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl || command instanceof ExecuteFilterListPageCmd
          || command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterCountCmd) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
          statement.execute("set local plan_cache_mode = force_custom_plan");
        } catch (SQLException e) {
          throw new DataAccessResourceFailureException("Cannot plan the task query for its values", e);
        } finally {
          DataSourceUtils.releaseConnection(connection, dataSource);
        }
      }
      return next.execute(command);
    }
  }
}
