package ru.cur.appeals.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the number of tasks beside each of Tasklist's filters, and on every page of it, is read from
 * counts the database keeps as tasks come and go, instead of reading every task the filter finds.
 *
 * <p>Why: the count of an organisation's queue read each of its open tasks with its grant, about 4 µs a task,
 * 130–290 ms with the 37,000 open tasks of one polyclinic at 100,000 open appeals, on every page Tasklist showed
 * (bench/README.md). Now: a sum over a few hundred rows, whatever the number of tasks.
 *
 * <p>How: triggers on the engine's task, identity link and authorization tables give each open task a key — its
 * candidate groups, who holds a grant to read it (group, user, everyone), whether it is assigned, its tenant,
 * whether it belongs to a case — and write +1 to its new key and −1 to its old one when the key changes, at
 * commit, in the task's own transaction ({@code task-counts.postgres.sql}). Only rows are added there, so
 * transactions creating tasks of one group do not wait for each other on a shared counter; {@link #compact()}
 * sums them up every few seconds on every node. A count is then the sum over the keys the query's criteria and
 * the user's grants admit ({@link CountedTaskManager}).
 *
 * <p>Only counts the keys can answer exactly are read from them: a query with no criteria but its candidate
 * groups and whether assigned tasks are included, by a user whose grants read all tasks or only tasks one by one
 * (not a process's tasks one process at a time), with no revoking authorizations. Any other count is the engine's
 * own. Who counts what does not change: {@code TaskCountsIT} compares both, query by query, after random changes.
 * On H2, the embedded demo's database, every count is the engine's own.
 */
@Component
class TaskCounts extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskCounts.class);

  static final String NAMESPACE = "ru.cur.appeals.tasklist.TaskCounts";
  private static final String SCHEMA = "task-counts.postgres.sql";
  private static final String INSTALLED = "pg_trigger where tgname = 'tasklist_count_task_insert'";
  /** Grants that read a task whatever its id: on all tasks, or on the tasks of all processes. */
  static final int ALL_TASKS = 1;
  /** Grants that read the tasks of one process, which the keys do not know. */
  static final int ONE_PROCESS = 2;

  private final DataSource dataSource;
  /** Told once, before the engine is built: only PostgreSQL keeps the counts. */
  private boolean onPostgres;
  private volatile boolean kept;

  TaskCounts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether the database keeps the counts: PostgreSQL, once the engine has started. */
  boolean kept() {
    return kept;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    onPostgres = TaskQueryPlans.onPostgres(dataSource);
    if (!onPostgres) {
      return;
    }
    List<SessionFactory> factories = new ArrayList<>(
        Objects.requireNonNullElse(configuration.getCustomSessionFactories(), List.of()));
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return TaskManager.class;
      }

      @Override
      public Session openSession() {
        return new CountedTaskManager(TaskCounts.this);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      if (!mybatis.hasStatement(NAMESPACE + ".taskCount", false)) {
        byte[] mapper = MAPPER.getBytes(StandardCharsets.UTF_8);
        new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE, mybatis.getSqlFragments()).parse();
      }
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!onPostgres) {
      return;
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!installed(statement)) {
        connection.setAutoCommit(false);
        // Writes of tasks, their candidates and grants wait for the seconds the open tasks take to be counted.
        statement.execute("lock table ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION in share row exclusive mode");
        statement.execute(schema());
        connection.commit();
        log.info("Tasklist's counts are kept by the database from now on");
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot have the database keep Tasklist's counts", e);
    }
    kept = true;
  }

  /** Sums each key's rows up into one; a failed round (the database away) is retried by the next. */
  @Scheduled(fixedDelayString = "${appeals.tasklist.count-compaction:PT5S}")
  void compact() {
    if (!kept) {
      return;
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("""
          with moved as (delete from tasklist_task_count returning *)
          insert into tasklist_task_count
          select candidate_groups, readers, assigned, tenant_id, case_task, sum(tasks) from moved
          group by candidate_groups, readers, assigned, tenant_id, case_task having sum(tasks) <> 0""");
    } catch (SQLException e) {
      log.warn("Tasklist's counts were not summed up this round ({}); the next round tries again", e.getMessage());
    }
  }

  private static boolean installed(Statement statement) throws SQLException {
    try (ResultSet found = statement.executeQuery("select count(*) from " + INSTALLED)) {
      return found.next() && found.getLong(1) > 0;
    }
  }

  private static String schema() {
    try (InputStream script = TaskCounts.class.getResourceAsStream(SCHEMA)) {
      return new String(Objects.requireNonNull(script, SCHEMA + " is not on the class path").readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + SCHEMA, e);
    }
  }

  /**
   * Which grants of the user and the user's groups read tasks other than one by one, and the sum of the keys a
   * count admits. Principals are written as the keys name readers: {@code g:} a group, {@code u:} a user or
   * {@code *}, everyone.
   */
  private static final String MAPPER = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
      <mapper namespace="%1$s">
        <sql id="principals">
          (A.USER_ID_ in (#{user}, '*')
          <if test="groups.size > 0">
            or A.GROUP_ID_ in <foreach item="group" collection="groups" open="(" separator="," close=")">#{group}</foreach>
          </if>)
        </sql>
        <select id="taskReadingGrants" parameterType="map" resultType="int">
          select case
            when exists (select 1 from ${prefix}ACT_RU_AUTHORIZATION A
                         where A.TYPE_ in (0, 1) and A.RESOURCE_ID_ = '*'
                           and (A.RESOURCE_TYPE_ = %2$d and A.PERMS_ &amp; %3$d = %3$d
                                or A.RESOURCE_TYPE_ = %4$d and A.PERMS_ &amp; %5$d = %5$d)
                           and <include refid="principals"/>) then %6$d
            when exists (select 1 from ${prefix}ACT_RU_AUTHORIZATION A
                         where A.TYPE_ in (0, 1) and A.RESOURCE_TYPE_ = %4$d and A.RESOURCE_ID_ &lt;&gt; '*'
                           and A.PERMS_ &amp; %5$d = %5$d
                           and <include refid="principals"/>) then %7$d
            else 0 end
        </select>
        <select id="taskCount" parameterType="map" resultType="long">
          select coalesce(sum(C.TASKS), 0) from tasklist_task_count C
          where true
          <if test="unassignedOnly">and not C.ASSIGNED</if>
          <if test="candidateGroups != null">
            and C.CANDIDATE_GROUPS &amp;&amp;
              array[<foreach item="group" collection="candidateGroups" separator=",">#{group}</foreach>]::text[]
          </if>
          <if test="readers != null">
            and (C.READERS &amp;&amp; array[<foreach item="reader" collection="readers" separator=",">#{reader}</foreach>]::text[]
                 <if test="caseTasksRead">or C.CASE_TASK</if>)
          </if>
          <if test="tenantIds != null">
            and (C.TENANT_ID is null
                 <if test="tenantIds.size > 0">
                   or C.TENANT_ID in <foreach item="tenant" collection="tenantIds" open="(" separator="," close=")">#{tenant}</foreach>
                 </if>)
          </if>
        </select>
      </mapper>
      """.formatted(NAMESPACE, Resources.TASK.resourceType(), Permissions.READ.getValue(),
      Resources.PROCESS_DEFINITION.resourceType(), Permissions.READ_TASK.getValue(), ALL_TASKS, ONE_PROCESS);
}
