package ru.cur.appeals.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every clerk starts with. Each shows only the tasks the user may see
 * (authorizations apply to filters), soonest deadline first.
 */
@Component
@Order(3)
class TasklistFilters extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    // Tasklist opens the filter with the lowest priority: the free work of the clerk's groups.
    ensure(filters, "Задачи моих групп", "Свободные задачи моих групп: модерация, ответы моей организации", -20,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensure(filters, "Мои задачи", "Задачи, которые я взял в работу", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(filters, "Просроченные", "Задачи, срок которых истёк: ответ заявителю уже опаздывает", -8,
        tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    ensure(filters, "Все доступные задачи", "Все задачи, которые мне разрешено видеть", 0,
        tasks.createTaskQuery());
  }

  /** Creates the filter, or brings an existing one of that name up to date (an install keeps its filters). */
  private static void ensure(FilterService filters, String name, String description, int priority, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    Filter filter = (existing != null ? existing : filters.newTaskFilter(name))
        .setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().asc())
        .setProperties(properties);
    filters.saveFilter(filter);
  }
}
