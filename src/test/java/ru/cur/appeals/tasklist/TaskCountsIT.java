package ru.cur.appeals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.cur.appeals.ProductionPostgres;

/**
 * Tasklist's counts read from the keys the database keeps are the counts of the tasks the same query lists —
 * for every kind of user (reading tasks one by one through their groups' and their own grants, all tasks, all
 * processes' tasks, one process's tasks), for tasks open before the counts were kept, after hundreds of random
 * changes (processes started and completed, tasks claimed, handed back, given and taken candidate groups and
 * grants, standalone tasks of a tenant), whether or not the rows have been summed up.
 */
class TaskCountsIT {

  private static final long SEED = Long.getLong("task-counts.seed", System.nanoTime());
  private static final List<String> GROUPS = List.of("polyclinic", "ministry", "heads", "moderators");
  private static final List<List<String>> USERS = List.of(List.of("pat", "polyclinic"),
      List.of("mia", "polyclinic", "ministry"), List.of("min", "ministry"), List.of("hal", "heads"),
      List.of("mod", "moderators"), List.of("aud", "auditors"), List.of("own", "owners", "polyclinic"),
      List.of("carol"), List.of("eve", "nobody"));

  private static EmbeddedPostgres postgres;
  private static ProcessEngine engine;
  private static TaskService tasks;
  private static AuthorizationService authorizations;
  private static TaskCounts counts;
  private static final Random random = new Random(SEED);

  @BeforeAll
  static void tasksOpenBeforeTheCountsAreKept() throws IOException {
    postgres = ProductionPostgres.builder().start();
    DataSource database = postgres.getPostgresDatabase();
    ProcessEngine before = engine(database, "before").buildProcessEngine();
    before.getRepositoryService().createDeployment()
        .addModelInstance("casework.bpmn", Bpmn.createExecutableProcess("casework").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").camundaCandidateGroups("${groups}").endEvent().done())
        .deploy();
    for (int i = 0; i < 20; i++) {
      before.getRuntimeService().startProcessInstanceByKey("casework", Map.of("groups", someGroups()));
    }
    before.close();

    counts = new TaskCounts(database);
    ProcessEngineConfigurationImpl configuration = engine(database, "counted");
    configuration.getProcessEnginePlugins().addAll(List.<ProcessEnginePlugin>of(new TaskQueryAuthorization(), counts));
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();
    authorizations = engine.getAuthorizationService();
    grant(null, "moderators", Resources.TASK, "*", Permissions.READ);
    grant(null, "auditors", Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK);
    grant(null, "owners", Resources.PROCESS_DEFINITION, "casework", Permissions.READ_TASK);
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
    postgres.close();
  }

  @Test
  void everyCountIsTheNumberOfTasksTheSameQueryLists() {
    assertThat(counts.kept()).isTrue();
    assertCountsAreTheListedTasks("the tasks open before");
    for (int step = 1; step <= 240; step++) {
      change();
      if (step % 40 == 0) {
        assertCountsAreTheListedTasks("after " + step + " changes");
        counts.compact();
        assertCountsAreTheListedTasks("summed up after " + step + " changes");
      }
    }
  }

  /** The keys answer the counts they know, and only those: a task only they count shows in them alone. */
  @Test
  void theKeysAnswerWhatTheyKnowAndTheEngineTheRest() {
    long pats = as("pat", List.of("polyclinic"), () -> groupsQuery(List.of("polyclinic")).count());
    long auditors = as("aud", List.of("auditors"), () -> tasks.createTaskQuery().count());
    long owners = as("own", List.of("owners", "polyclinic"), () -> tasks.createTaskQuery().count());
    String unseen = "insert into tasklist_task_count values ('{polyclinic}', '{g:polyclinic}', false, null, false, 1000)";
    sql(unseen);
    try {
      assertThat(as("pat", List.of("polyclinic"), () -> groupsQuery(List.of("polyclinic")).count()))
          .isEqualTo(pats + 1000);
      assertThat(as("aud", List.of("auditors"), () -> tasks.createTaskQuery().count())).isEqualTo(auditors + 1000);
      // Tasklist's page asks its count with the filter extended by empty lists of values: no criteria.
      Filter filter = engine.getFilterService().newTaskFilter("pat's groups").setOwner("pat")
          .setQuery(groupsQuery(List.of("polyclinic")));
      engine.getFilterService().saveFilter(filter);
      try {
        assertThat(as("pat", List.of("polyclinic"),
            () -> engine.getFilterService().count(filter.getId(), tasks.createTaskQuery().processInstanceIdIn())))
            .isEqualTo(pats + 1000);
      } finally {
        engine.getFilterService().deleteFilter(filter.getId());
      }
      // A grant on one process's tasks, a criterion the keys do not know, a revoke: the engine counts.
      assertThat(as("own", List.of("owners", "polyclinic"), () -> tasks.createTaskQuery().count())).isEqualTo(owners);
      assertThat(as("pat", List.of("polyclinic"), () -> groupsQuery(List.of("polyclinic")).taskName("work").count()))
          .isEqualTo(as("pat", List.of("polyclinic"), () -> (long) groupsQuery(List.of("polyclinic")).taskName("work").list().size()));
      // Once something is revoked from the user, the engine checks each task.
      // A task she reads through her group alone: a grant of her own (from a claim) would outweigh the revoke.
      String seen = as("pat", List.of("polyclinic"), () -> groupsQuery(List.of("polyclinic")).list()).stream()
          .map(Task::getId).filter(id -> authorizations.createAuthorizationQuery().userIdIn("pat")
              .resourceType(Resources.TASK).resourceId(id).count() == 0)
          .findFirst().orElseThrow();
      Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId("pat");
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(seen);
      revoke.removePermission(Permissions.READ);
      authorizations.saveAuthorization(revoke);
      try {
        assertThat(as("pat", List.of("polyclinic"), () -> groupsQuery(List.of("polyclinic")).count()))
            .isEqualTo(pats - 1);
      } finally {
        authorizations.deleteAuthorization(revoke.getId());
      }
    } finally {
      sql("delete from tasklist_task_count where tasks = 1000");
    }
  }

  private static void assertCountsAreTheListedTasks(String when) {
    for (List<String> user : USERS) {
      String id = user.get(0);
      List<String> groups = user.subList(1, user.size());
      List<Function<List<String>, TaskQuery>> queries = List.of(
          mine -> tasks.createTaskQuery(),
          mine -> tasks.createTaskQuery().taskUnassigned(),
          mine -> groupsQuery(mine),
          mine -> groupsQuery(mine).includeAssignedTasks(),
          mine -> groupsQuery(mine).taskUnassigned(),
          mine -> groupsQuery(List.of("polyclinic", "ministry")).includeAssignedTasks(),
          mine -> tasks.createTaskQuery().taskAssignee(id));
      for (int i = 0; i < queries.size(); i++) {
        Function<List<String>, TaskQuery> query = queries.get(i);
        long counted = as(id, groups, () -> query.apply(groups).count());
        long listed = as(id, groups, () -> (long) query.apply(groups).list().size());
        assertThat(counted).as("%s: query %d of %s %s (seed %d)", when, i, id, groups, SEED).isEqualTo(listed);
      }
    }
  }

  /** A candidate query of the user's groups, or of a group nobody has when the user has none. */
  private static TaskQuery groupsQuery(List<String> groups) {
    return tasks.createTaskQuery().taskCandidateGroupIn(groups.isEmpty() ? List.of("none") : groups);
  }

  private static void change() {
    List<Task> open = tasks.createTaskQuery().list();
    Task task = open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    int what = task == null ? 0 : random.nextInt(11);
    switch (what) {
      case 0 -> engine.getRuntimeService().startProcessInstanceByKey("casework", Map.of("groups", someGroups()));
      case 1 -> {
        Task standalone = tasks.newTask();
        standalone.setName("standalone");
        if (random.nextInt(4) == 0) {
          standalone.setTenantId("region");
        }
        tasks.saveTask(standalone);
        tasks.addCandidateGroup(standalone.getId(), pick(GROUPS));
      }
      case 2, 3 -> tasks.setAssignee(task.getId(), pick(USERS).get(0));
      case 4 -> tasks.setAssignee(task.getId(), null);
      case 5 -> {
        if (task.getProcessInstanceId() != null) {
          tasks.complete(task.getId());
        } else {
          tasks.deleteTask(task.getId(), true);
        }
      }
      case 6 -> tasks.addCandidateGroup(task.getId(), pick(GROUPS));
      case 7 -> tasks.deleteCandidateGroup(task.getId(), pick(GROUPS));
      case 8 -> grant("carol", null, Resources.TASK, task.getId(), Permissions.READ);
      case 9 -> {
        List<Authorization> ofTask = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
            .resourceId(task.getId()).list();
        if (!ofTask.isEmpty()) {
          authorizations.deleteAuthorization(pick(ofTask).getId());
        }
      }
      default -> {
        // Working a task without reading it any more.
        List<Authorization> ofTask = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
            .resourceId(task.getId()).list();
        if (!ofTask.isEmpty()) {
          Authorization grant = pick(ofTask);
          grant.removePermission(Permissions.READ);
          authorizations.saveAuthorization(grant);
        }
      }
    }
  }

  private static String someGroups() {
    String first = pick(GROUPS);
    String second = pick(GROUPS);
    return random.nextBoolean() || first.equals(second) ? first : first + "," + second;
  }

  private static <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static <T> T as(String user, List<String> groups, Supplier<T> query) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void grant(String user, String group, Resource resource, String id, Permission permission) {
    List<Authorization> existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(id).list().stream()
        .filter(a -> user != null ? user.equals(a.getUserId()) : group.equals(a.getGroupId())).toList();
    Authorization authorization = existing.isEmpty()
        ? authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT) : existing.get(0);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(id);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  private static void sql(String statement) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  private static ProcessEngineConfigurationImpl engine(DataSource database, String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setDataSource(database)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(false)
        .setProcessEngineName(name);
    configuration.setAuthorizationEnabled(true);
    return configuration;
  }
}
