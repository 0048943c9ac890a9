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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import ru.cur.appeals.security.Roles;

/**
 * On PostgreSQL, a task query — Tasklist's filters, the REST task list — is planned for the values it runs with.
 * The JDBC driver prepares a statement on the server after five runs, and PostgreSQL may then keep one plan for
 * any values: for the task query that plan cannot see how many authorizations the user's groups have (their
 * permission bits are parameters) and joined an organisation's every task with every one of them, 0.2 s becoming
 * 28 s for a page with 3,500 open tasks (bench/README.md). For an organisation's clerks, whose tasks each carry
 * their own authorization, the task query also looks each task's authorizations up by index: PostgreSQL would
 * otherwise compare every task with every authorization of the organisation (the engine joins them on an
 * {@code OR} of ids, which it can neither hash nor merge) — the count beside a filter, part of every Tasklist
 * page, took 3.1 s for 3,500 tasks, 0.2 s so. Those who read every task through one grant keep the planner's
 * own choice (their count became slower so). Only these commands, within their own transaction: planning every
 * statement of the application anew cost intake a fifth of its speed.
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  TaskQueryPlans(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!onPostgres()) {
      return;
    }
    List<CommandInterceptor> interceptors = new ArrayList<>(
        Objects.requireNonNullElse(configuration.getCustomPostCommandInterceptorsTxRequired(), List.of()));
    interceptors.add(new PlannedForTheirValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  private boolean onPostgres() {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot tell which database the engine runs on", e);
    }
  }

  /**
   * Whether the engine checks this user's reading of tasks against one authorization per task (an organisation's
   * clerks), not against one grant on all tasks ({@link Roles#READ_ALL}).
   */
  static boolean readsThroughPerTaskAuthorizations(CommandContext context) {
    Authentication user = context.getAuthentication();
    return user != null && context.isAuthorizationCheckEnabled()
        && (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(Roles.READ_ALL::contains));
  }

  /** Inside the command's transaction, after the engine's own interceptors: the settings end with it. */
  private final class PlannedForTheirValues extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl || command instanceof ExecuteFilterListPageCmd
          || command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterCountCmd) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
          statement.execute("set local plan_cache_mode = force_custom_plan");
          if (readsThroughPerTaskAuthorizations(Context.getCommandContext())) {
            // Each task's authorizations looked up by index, not every task tried against every authorization.
            statement.execute("set local enable_hashjoin = off");
            statement.execute("set local enable_mergejoin = off");
            statement.execute("set local enable_material = off");
          }
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
