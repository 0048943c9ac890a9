package ru.cur.appeals.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Task queries — Tasklist's filters, their counts, the REST task list — find the tasks a user may read through
 * the set of resources the user's grants name, built once per query, instead of joining every task with every
 * grant.
 *
 * <p>Why: each task of an organisation carries its own authorization row (its candidate group may read and work
 * it). Camunda joins tasks and the user's grants on {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}, which a
 * database can neither hash nor merge: PostgreSQL compared each of an organisation's tasks with each of its
 * grants, 11 s for the count of 2,700 tasks (bench/README.md). Here the same condition is asked as «some grant
 * names all tasks, or this task, or its process»: the first an uncorrelated lookup by index, the other two sets
 * that the database hashes once per query, so the check costs the same for every task whatever the number of
 * grants.
 *
 * <p>Only the authorization check changes; the criteria, order and paging stay Camunda's own text, read from the
 * engine's mapping when the engine starts, so a Camunda upgrade brings its changes along — and a start fails,
 * naming what it did not find, if the mapping no longer has the shape rewritten here. Where revoking
 * authorizations exist the engine checks each task separately anyway, and that check is kept as it is.
 * Who sees which task does not change (TaskQueryAuthorizationTest compares both checks).
 *
 * <p>Before any authorization check of a command the engine reads which groups have any authorization at all, to
 * leave the others out of the check: {@code select distinct GROUP_ID_} over the whole table (camunda-bpm-platform
 * #5485), 40 ms with 105,000 authorizations, on every command of a Tasklist page — the count, the list and each
 * thing the page embeds. Here the same groups are read by stepping through the index on the group from one group
 * to the next: a millisecond whatever the number of authorizations.
 */
@Component
class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "ru.cur.appeals.tasklist.TaskQueryAuthorization";
  private static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  private static final String ENGINE_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  private static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";
  /** The engine's statements and the ones that answer in their place. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", "tasksByQueryCriteria",
      "selectTaskCountByQueryCriteria", "taskCountByQueryCriteria",
      "selectAuthorizedGroupIds", "authorizedGroupIds");

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    // Engines of one JVM may share the engine's MyBatis configuration: the statements are added once.
    synchronized (mybatis) {
      if (!mybatis.hasStatement(NAMESPACE + "." + STATEMENTS.get("selectTaskByQueryCriteria"), false)) {
        byte[] mapper = mapper(engineMapping()).getBytes(StandardCharsets.UTF_8);
        new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE, mybatis.getSqlFragments()).parse();
      }
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>(Objects.requireNonNullElse(sessions.getStatementMappings(), Map.of()));
    STATEMENTS.forEach((engineStatement, ours) -> mappings.put(engineStatement, NAMESPACE + "." + ours));
    sessions.setStatementMappings(mappings);
  }

  static String engineMapping() {
    try (InputStream mapping = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(ENGINE_MAPPING)) {
      if (mapping == null) {
        throw new IllegalStateException("The engine's task mapping " + ENGINE_MAPPING + " is not on the class path");
      }
      return new String(mapping.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the engine's task mapping", e);
    }
  }

  /**
   * A mapper with the engine's two task query statements, their criteria unchanged but for the check, and the
   * groups' statement that answers for the engine's prefilter of every check.
   */
  static String mapper(String engineMapping) {
    String list = element(engineMapping, "<select id=\"selectTaskByQueryCriteria\"", "</select>");
    String count = element(engineMapping, "<select id=\"selectTaskCountByQueryCriteria\"", "</select>");
    String criteria = element(engineMapping, "<sql id=\"selectTaskByQueryCriteriaSql\">", "</sql>");
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <mapper namespace="%s">
        %s
        %s
        %s
        %s
        %s
        </mapper>
        """.formatted(NAMESPACE, ours(list), ours(count), criteria(criteria), CHECK, AUTHORIZED_GROUPS);
  }

  /** The engine's statement under our id, its references to the engine's own pieces named in full. */
  private static String ours(String statement) {
    String renamed = statement;
    for (Map.Entry<String, String> names : STATEMENTS.entrySet()) {
      renamed = renamed.replace("id=\"" + names.getKey() + "\"", "id=\"" + names.getValue() + "\"");
    }
    renamed = renamed.replace("resultMap=\"taskResultMap\"", "resultMap=\"" + ENGINE_NAMESPACE + ".taskResultMap\"")
        .replace("refid=\"columnSelection\"", "refid=\"" + ENGINE_NAMESPACE + ".columnSelection\"");
    return once(renamed, "refid=\"selectTaskByQueryCriteriaSql\"", "refid=\"taskCriteria\"");
  }

  private static String criteria(String engineCriteria) {
    String criteria = engineCriteria.replace("<sql id=\"selectTaskByQueryCriteriaSql\">", "<sql id=\"taskCriteria\">");
    criteria = onceRegex(criteria, "<include refid=\"" + Pattern.quote(AUTHORIZATION + ".authCheckJoinWithoutOnClause")
        + "\"\\s*/>\\s*AUTH ON \\(AUTH\\.RESOURCE_ID_ [^)]*\\)", "");
    return onceRegex(criteria, "<include refid=\"" + Pattern.quote(AUTHORIZATION + ".contextualAuthorizationCheck")
        + "\"\\s*/>", "<include refid=\"authorizedTasks\"/>");
  }

  /**
   * The grants of the user and the user's groups that allow what the query asks, each naming one resource or
   * {@code *}, and the check asked per task of them: some grant names all tasks or all processes' tasks, or the
   * task is among the tasks granted, or its process among the processes granted. Each of the query's checks
   * ({@code atomicChecks}: reading the task, reading the tasks of its process) is asked of the grants of its own
   * resource type, as the engine's per-check form (the one it uses once revoking authorizations exist) asks them;
   * Camunda's join compares every grant with the task's id and its process's key alike, so a process key was
   * also looked up among an organisation's tens of thousands of task grants. The case-task clause is Camunda's own.
   * The types are named, global and grant, where Camunda writes {@code TYPE_ < 2}: so the database finds the
   * user's own grants through the index that begins with the type and the user instead of reading the whole table
   * (120 ms with 130,000 authorizations).
   */
  private static final String CHECK = """
      <sql id="grants">
        select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
        where A.TYPE_ in (%2$d, %3$d) and A.USER_ID_ in (#{authCheck.authUserId, jdbcType=VARCHAR}, '*')
        <include refid="%1$s.atomicChecksOnResourceTypeAndPerms"/>
        <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
          union all
          select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
          where A.TYPE_ in (%2$d, %3$d) and A.GROUP_ID_ in
          <foreach item="item" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
          <include refid="%1$s.atomicChecksOnResourceTypeAndPerms"/>
        </if>
      </sql>
      <sql id="grantsOfCheck">
        select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
        where A.TYPE_ in (%2$d, %3$d) and A.USER_ID_ in (#{authCheck.authUserId, jdbcType=VARCHAR}, '*')
          and A.RESOURCE_TYPE_ = #{permCheck.resourceType, jdbcType=INTEGER}
          and ${bitand1}A.PERMS_${bitand2}#{permCheck.perms, jdbcType=INTEGER}${bitand3} = #{permCheck.perms, jdbcType=INTEGER}
        <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
          union all
          select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
          where A.TYPE_ in (%2$d, %3$d) and A.GROUP_ID_ in
          <foreach item="item" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
            and A.RESOURCE_TYPE_ = #{permCheck.resourceType, jdbcType=INTEGER}
            and ${bitand1}A.PERMS_${bitand2}#{permCheck.perms, jdbcType=INTEGER}${bitand3} = #{permCheck.perms, jdbcType=INTEGER}
        </if>
      </sql>
      <sql id="authorizedTasks">
        <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
          <choose>
            <when test="authCheck.revokeAuthorizationCheckEnabled">
              <include refid="%1$s.contextualAuthorizationCheck"/>
            </when>
            <otherwise>
              <bind name="authGroupIds" value="authCheck.authGroupIds"/>
              <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks"/>
              <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive"/>
              and (
                <if test="applyAuthorizationCheckForCaseInstances">RES.CASE_EXECUTION_ID_ is not null or</if>
                exists (select 1 from (<include refid="grants"/>) G where G.RESOURCE_ID_ = '*')
                <foreach item="permCheck" collection="atomicChecks">
                  <choose>
                    <when test="permCheck.resourceIdQueryParam != null">
                      or ${permCheck.resourceIdQueryParam} in (<include refid="grantsOfCheck"/>)
                    </when>
                    <otherwise>
                      or exists (select 1 from (<include refid="grantsOfCheck"/>) G
                                 where G.RESOURCE_ID_ = #{permCheck.resourceId, jdbcType=VARCHAR})
                    </otherwise>
                  </choose>
                </foreach>
              )
            </otherwise>
          </choose>
        </if>
      </sql>
      """.formatted(AUTHORIZATION, Authorization.AUTH_TYPE_GLOBAL, Authorization.AUTH_TYPE_GRANT);

  /**
   * The groups that appear in some authorization, as the engine's {@code selectAuthorizedGroupIds} gives them
   * (nulls left out, which the engine drops anyway), each found by one step of the index on the group. A
   * recursive query as H2 and PostgreSQL, the two databases the application runs on, both read it.
   */
  private static final String AUTHORIZED_GROUPS = """
      <select id="authorizedGroupIds" resultType="string">
        with recursive G (GROUP_ID_) as (
          (select A.GROUP_ID_ from ${prefix}ACT_RU_AUTHORIZATION A where A.GROUP_ID_ is not null
            order by A.GROUP_ID_ limit 1)
          union all
          select (select A.GROUP_ID_ from ${prefix}ACT_RU_AUTHORIZATION A where A.GROUP_ID_ &gt; G.GROUP_ID_
                   order by A.GROUP_ID_ limit 1)
          from G where G.GROUP_ID_ is not null
        )
        select G.GROUP_ID_ from G where G.GROUP_ID_ is not null
      </select>
      """;

  private static String element(String mapping, String start, String end) {
    int from = mapping.indexOf(start);
    if (from < 0 || mapping.indexOf(start, from + 1) >= 0) {
      throw unexpected(start);
    }
    int to = mapping.indexOf(end, from);
    if (to < 0) {
      throw unexpected(start + "…" + end);
    }
    return mapping.substring(from, to + end.length());
  }

  private static String once(String text, String target, String replacement) {
    int at = text.indexOf(target);
    if (at < 0 || text.indexOf(target, at + 1) >= 0) {
      throw unexpected(target);
    }
    return text.replace(target, replacement);
  }

  private static String onceRegex(String text, String regex, String replacement) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw unexpected(regex);
    }
    String replaced = text.substring(0, matcher.start()) + replacement + text.substring(matcher.end());
    if (matcher.find()) {
      throw unexpected(regex);
    }
    return replaced;
  }

  private static IllegalStateException unexpected(String what) {
    return new IllegalStateException("The engine's task query mapping (" + ENGINE_MAPPING + ") does not have the "
        + "shape TaskQueryAuthorization rewrites: expected exactly one " + what);
  }
}
