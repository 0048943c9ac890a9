package ru.cur.appeals.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.cur.appeals.security.Roles;
import ru.cur.appeals.security.StaffGroups;

/**
 * The Tasklist filters every clerk starts with. Each shows only the tasks the user may see
 * (authorizations apply to filters), soonest deadline first.
 *
 * <p>The whole center's list is read only by the groups who read every task ({@link Roles#READ_ALL}): for anyone
 * else the engine would try every open task of the center against the user's per-task authorizations, and
 * an organisation's clerk waited seconds for a page at tens of thousands of open appeals (bench/README.md).
 * Everyone else has all their groups' tasks, found through the tasks' candidate groups, which the engine reads
 * by index.
 */
@Component
@Order(3)
class TasklistFilters extends AbstractProcessEnginePlugin {

  private final StaffGroups staff;

  TasklistFilters(StaffGroups staff) {
    this.staff = staff;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    // Tasklist opens the filter with the lowest priority: the free work of the clerk's groups.
    List<String> everyones = List.of(
        ensure(filters, "Задачи моих групп", "Свободные задачи моих групп: модерация, ответы моей организации", -20,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
        ensure(filters, "Мои задачи", "Задачи, которые я взял в работу", -10,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        ensure(filters, "Просроченные", "Задачи, срок которых истёк: ответ заявителю уже опаздывает", -8,
            tasks.createTaskQuery().dueBeforeExpression("${now()}")),
        ensure(filters, "Все задачи моих групп", "Свободные и взятые в работу задачи моих групп", -5,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
    String wholeCenter = ensure(filters, "Все доступные задачи", "Все задачи центра, которые мне разрешено видеть", 0,
        tasks.createTaskQuery());
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : staff.all()) {
      everyones.forEach(filter -> StaffGroups.grant(authorizations, group, Resources.FILTER, filter, Permissions.READ));
    }
    for (String group : Roles.READ_ALL) {
      StaffGroups.grant(authorizations, group, Resources.FILTER, wholeCenter, Permissions.READ);
    }
  }

  /**
   * Creates the filter, or brings an existing one of that name up to date (an install keeps its filters);
   * returns its id.
   */
  private static String ensure(FilterService filters, String name, String description, int priority,
      TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    Filter filter = (existing != null ? existing : filters.newTaskFilter(name))
        .setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc())
        .setProperties(properties);
    return filters.saveFilter(filter).getId();
  }
}
