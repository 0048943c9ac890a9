package ru.cur.appeals.tasklist;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;

/**
 * The engine's task manager, but that it answers a task count from the counts the database keeps
 * ({@link TaskCounts}) whenever they answer it exactly, and otherwise as the engine does.
 */
final class CountedTaskManager extends TaskManager {

  /** What the keys know of a task: its candidate groups, and whether it is assigned. */
  private static final Set<String> CRITERIA = Set.of("candidateGroups", "unassigned", "includeAssignedTasks");
  /** What does not change which tasks a query finds, or is checked apart. */
  private static final Set<String> NOT_CRITERIA = Set.of("queries", "cachedCandidateGroups", "cachedUserGroups",
      "initializeFormKeys", "withCommentAttachmentInfo", "taskNameCaseInsensitive", "variableNamesIgnoreCase",
      "variableValuesIgnoreCase");
  /** Every other field of a task query: a count whose query sets any of them is the engine's. */
  private static final List<Field> OTHER_CRITERIA = otherCriteria();
  private static final TaskQueryImpl NO_CRITERIA = new TaskQueryImpl();

  private final TaskCounts counts;

  CountedTaskManager(TaskCounts counts) {
    this.counts = counts;
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    Map<String, Object> count = counts.kept() ? countOfKeys(query) : null;
    if (count == null) {
      return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
    }
    return (Long) getDbEntityManager().selectOne(TaskCounts.NAMESPACE + ".taskCount", count);
  }

  /** The parameters of the sum over the keys that gives the query's count, or null if the keys cannot. */
  private Map<String, Object> countOfKeys(TaskQueryImpl query) {
    if (query.getQueries().size() != 1 || !onlyKnownCriteria(query)) {
      return null;
    }
    List<String> candidateGroups = query.getCandidateGroupsInternal();
    if (candidateGroups != null && candidateGroups.isEmpty()) {
      return null;
    }
    Map<String, Object> count = new HashMap<>();
    count.put("candidateGroups", candidateGroups);
    // A candidate query leaves out assigned tasks unless told otherwise (the engine's Task.xml).
    count.put("unassignedOnly", query.isUnassigned() || candidateGroups != null && !query.isIncludeAssignedTasks());
    AuthorizationCheck check = query.getAuthCheck();
    if (check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null) {
      if (check.isRevokeAuthorizationCheckEnabled()) {
        return null;
      }
      String user = check.getAuthUserId();
      List<String> groups = Objects.requireNonNullElse(check.getAuthGroupIds(), List.of());
      int grants = (Integer) getDbEntityManager().selectOne(TaskCounts.NAMESPACE + ".taskReadingGrants",
          Map.of("user", user, "groups", groups));
      if (grants == TaskCounts.ONE_PROCESS) {
        return null;
      }
      if (grants != TaskCounts.ALL_TASKS) {
        List<String> readers = new ArrayList<>(List.of("u:*", "u:" + user));
        groups.forEach(group -> readers.add("g:" + group));
        count.put("readers", readers);
        // Tasks of cases are read without grants wherever the engine joins them (its Task.xml).
        count.put("caseTasksRead", check.isUseLeftJoin());
      }
    }
    TenantCheck tenants = query.getTenantCheck();
    if (tenants.isTenantCheckEnabled()) {
      count.put("tenantIds", Objects.requireNonNullElse(tenants.getAuthTenantIds(), List.of()));
    }
    return count;
  }

  /**
   * An empty list of values is no criterion: the engine's mapping asks each for {@code length > 0} or
   * {@code size > 0}, and Tasklist's page request leaves such lists empty ({@code processInstanceIdIn}).
   */
  private static Object unset(Object value) {
    if (value instanceof Object[] values && values.length == 0
        || value instanceof Collection<?> collection && collection.isEmpty()) {
      return null;
    }
    return value;
  }

  private static List<Field> otherCriteria() {
    List<Field> fields = Arrays.stream(TaskQueryImpl.class.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers()))
        .filter(field -> !CRITERIA.contains(field.getName()) && !NOT_CRITERIA.contains(field.getName()))
        .toList();
    fields.forEach(field -> field.setAccessible(true));
    return fields;
  }

  private static boolean onlyKnownCriteria(TaskQueryImpl query) {
    try {
      for (Field field : OTHER_CRITERIA) {
        if (!Objects.deepEquals(unset(field.get(query)), unset(field.get(NO_CRITERIA)))) {
          return false;
        }
      }
      return true;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the task query's criteria", e);
    }
  }
}
