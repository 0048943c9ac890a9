package ru.cur.appeals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task query's authorization check by sets of granted resources finds exactly the tasks Camunda's own
 * join finds — for grants on a task to a user or a group, on a process's tasks, on all tasks, global grants, and
 * once something is revoked — while the filters, order and paging around it stay the engine's.
 */
class TaskQueryAuthorizationTest {

  private static ProcessEngine engine;
  private static ProcessEngineConfigurationImpl configuration;
  private static TaskService tasks;
  private static final Map<String, String> ids = new HashMap<>();

  @BeforeAll
  static void engineWithAuthorizations() {
    configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:task-query-authorization-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    configuration.getProcessEnginePlugins().add(new TaskQueryAuthorization());
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();

    engine.getRepositoryService().createDeployment()
        .addModelInstance("casework.bpmn", Bpmn.createExecutableProcess("casework").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").camundaCandidateGroups("${group}").endEvent().done())
        .addModelInstance("other.bpmn", Bpmn.createExecutableProcess("other").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").camundaCandidateGroups("archive").endEvent().done())
        .deploy();
    ids.put("polyclinic", start("casework", "polyclinic"));
    ids.put("polyclinic2", start("casework", "polyclinic"));
    ids.put("ministry", start("casework", "ministry"));
    ids.put("moderators", start("casework", "moderators"));
    ids.put("other", start("other", null));
    Task standalone = tasks.newTask();
    standalone.setName("standalone");
    tasks.saveTask(standalone);
    tasks.setAssignee(standalone.getId(), "alice");
    ids.put("alice", standalone.getId());

    grant(Authorization.AUTH_TYPE_GRANT, null, "ministry", Resources.PROCESS_DEFINITION, "other", Permissions.READ_TASK);
    grant(Authorization.AUTH_TYPE_GRANT, null, "supervisors", Resources.TASK, "*", Permissions.READ);
    grant(Authorization.AUTH_TYPE_GRANT, "bob", null, Resources.TASK, ids.get("polyclinic"), Permissions.READ);
    grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, ids.get("moderators"), Permissions.READ);
    // Working a task without reading it: such a grant shows nothing (the moderators' rows of CenterWideTaskReaders).
    grant(Authorization.AUTH_TYPE_GRANT, null, "heads", Resources.TASK, ids.get("ministry"), Permissions.TASK_WORK);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theRewrittenStatementsAnswerTheEnginesTaskQueries() {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    TaskQueryAuthorization.STATEMENTS.forEach((engineStatement, ours) ->
        assertThat(sessions.mapStatement(engineStatement)).isEqualTo(TaskQueryAuthorization.NAMESPACE + "." + ours));
  }

  /** Before every check the engine leaves out the groups no authorization names: the same groups by the index. */
  @Test
  void theGroupsSomeAuthorizationNamesAreTheEnginesOwn() {
    List<Object> ours = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbEntityManager().<Object>selectList("selectAuthorizedGroupIds"));
    List<Object> engines = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbEntityManager().<Object>selectList(AuthorizationEntity.class.getName() + ".selectAuthorizedGroupIds"));

    assertThat(ours).doesNotHaveDuplicates().contains("polyclinic", "ministry", "supervisors", "heads")
        .containsExactlyInAnyOrderElementsOf(engines.stream().filter(Objects::nonNull).toList());
  }

  @Test
  void everyoneSeesWhatTheirGrantsName() {
    assertThat(visible("pat", "polyclinic")).containsExactlyInAnyOrder("polyclinic", "polyclinic2", "moderators");
    assertThat(visible("min", "ministry")).containsExactlyInAnyOrder("ministry", "other", "moderators");
    assertThat(visible("sup", "supervisors")).containsExactlyInAnyOrder(ids.keySet().toArray(String[]::new));
    assertThat(visible("bob")).containsExactlyInAnyOrder("polyclinic", "moderators");
    assertThat(visible("alice")).containsExactlyInAnyOrder("alice", "moderators");
    assertThat(visible("hal", "heads")).containsExactlyInAnyOrder("moderators");
  }

  @Test
  void theSameTasksAsCamundasJoinInEveryQueryTasklistAsks() {
    for (List<String> user : users()) {
      String id = user.get(0);
      List<String> groups = user.subList(1, user.size());
      assertSameAsEngine(id, groups, TaskQuery::list);
      assertSameAsEngine(id, groups, TaskQuery::count);
      assertSameAsEngine(id, groups, query -> query.orderByTaskId().desc().listPage(1, 2));
      if (!groups.isEmpty()) {
        assertSameAsEngine(id, groups, query -> query.taskCandidateGroupIn(groups).includeAssignedTasks().list());
        assertSameAsEngine(id, groups, query -> query.taskCandidateGroupIn(groups).taskUnassigned().count());
      }
      assertSameAsEngine(id, groups, query -> query.or().taskAssignee(id).taskCandidateUser(id).endOr().list());
    }
  }

  /**
   * Each grant counts for its own resource type, as in the engine's per-check form: a task grant that happens to
   * carry a process's key does not open that process's tasks, nor a process grant a task with its id. (Camunda's
   * join compares every grant with both; no real task id is a process key.)
   */
  @Test
  void aGrantNamesAResourceOfItsOwnType() {
    List<Authorization> misnamed = List.of(
        grant(Authorization.AUTH_TYPE_GRANT, null, "clerks", Resources.TASK, "other", Permissions.READ),
        grant(Authorization.AUTH_TYPE_GRANT, null, "clerks", Resources.PROCESS_DEFINITION, ids.get("ministry"),
            Permissions.READ_TASK));
    try {
      assertThat(visible("cid", "clerks")).containsExactly("moderators");
    } finally {
      misnamed.forEach(authorization -> engine.getAuthorizationService().deleteAuthorization(authorization.getId()));
    }
  }

  @Test
  void onceSomethingIsRevokedTheEnginesOwnPerTaskCheckDecides() {
    // A user's revoke outweighs the grant to the user's group (a group's own grant would outweigh its revoke).
    Authorization revoke = grant(Authorization.AUTH_TYPE_REVOKE, "pat", null, Resources.TASK,
        ids.get("polyclinic2"), Permissions.READ);
    try {
      assertThat(visible("pat", "polyclinic")).containsExactlyInAnyOrder("polyclinic", "moderators");
      for (List<String> user : users()) {
        assertSameAsEngine(user.get(0), user.subList(1, user.size()), TaskQuery::list);
      }
    } finally {
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void anEngineMappingOfAnotherShapeStopsTheStartNamingWhatIsMissing() {
    String mapping = TaskQueryAuthorization.engineMapping();
    assertThat(TaskQueryAuthorization.mapper(mapping)).contains("resourceIdQueryParam} in (").doesNotContain("AUTH ON");
    assertThatThrownBy(() -> TaskQueryAuthorization.mapper(mapping.replace("AUTH ON (", "AUTH on (")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("authCheckJoinWithoutOnClause");
  }

  private static List<List<String>> users() {
    return List.of(List.of("pat", "polyclinic"), List.of("min", "ministry"), List.of("sup", "supervisors"),
        List.of("bob"), List.of("alice"), List.of("hal", "heads"), List.of("mia", "polyclinic", "ministry"),
        List.of("eve", "nobody"));
  }

  private static <T> void assertSameAsEngine(String user, List<String> groups, Function<TaskQuery, T> query) {
    Object ours = comparable(as(user, groups, query));
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> rewritten = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(rewritten);
    engines.keySet().removeAll(TaskQueryAuthorization.STATEMENTS.keySet());
    sessions.setStatementMappings(engines);
    try {
      assertThat(ours).as("%s %s", user, groups).isEqualTo(comparable(as(user, groups, query)));
    } finally {
      sessions.setStatementMappings(rewritten);
    }
  }

  /** A count as it is, tasks by their ids in their order. */
  private static Object comparable(Object result) {
    return result instanceof List<?> found ? found.stream().map(task -> ((Task) task).getId()).toList() : result;
  }

  private static Set<String> visible(String user, String... groups) {
    Set<String> seen = as(user, List.of(groups), TaskQuery::list).stream().map(Task::getId).collect(Collectors.toSet());
    return ids.entrySet().stream().filter(entry -> seen.contains(entry.getValue())).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static <T> T as(String user, List<String> groups, Function<TaskQuery, T> query) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return query.apply(tasks.createTaskQuery());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static String start(String process, String group) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(process,
        group == null ? Map.of() : Map.of("group", group)).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private static Authorization grant(int type, String user, String group, Resource resource, String resourceId,
      Permission permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (user != null) {
      authorization.setUserId(user);
    } else {
      authorization.setGroupId(group);
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    return authorizations.saveAuthorization(authorization);
  }
}
