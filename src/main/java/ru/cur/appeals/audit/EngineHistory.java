package ru.cur.appeals.audit;

import static ru.cur.appeals.audit.AuditEventType.*;
import static ru.cur.appeals.audit.Details.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What Camunda's history holds about an appeal's process instances: the instances, their steps, tasks and who
 * held them, variable changes with the value before, DMN evaluations with inputs and matched rules, the user
 * operation log (Tasklist, Cockpit, REST) and incidents. Read without the engine's authorizations: who may read
 * the record is decided by the audit's own rules before anything is read.
 */
@Component
class EngineHistory {

  private final HistoryService history;
  private final RepositoryService repository;

  EngineHistory(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  /**
   * The appeal's own instances (business key = its registration number: the appeal and its printed letters), the
   * problem's instance it joined, and every instance any of them called, in order of start.
   */
  List<AuditProcess> processesOf(String registrationNumber, String problemProcessInstanceId) {
    List<HistoricProcessInstance> found = new ArrayList<>(
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(registrationNumber).list());
    if (problemProcessInstanceId != null) {
      found.addAll(history.createHistoricProcessInstanceQuery().processInstanceId(problemProcessInstanceId).list());
    }
    Map<String, HistoricProcessInstance> all = new LinkedHashMap<>();
    List<HistoricProcessInstance> next = found;
    while (!next.isEmpty()) {
      List<HistoricProcessInstance> called = new ArrayList<>();
      for (HistoricProcessInstance instance : next) {
        if (all.putIfAbsent(instance.getId(), instance) == null) {
          called.addAll(history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).list());
        }
      }
      next = called;
    }
    return all.values().stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(AuditProcess::of)
        .toList();
  }

  List<AuditEvent> eventsOf(AuditProcess process) {
    List<AuditEvent> events = new ArrayList<>();
    events.add(event(process, PROCESS_STARTED, process.startTime(),
        process.startUserId() == null ? AuditEvent.SYSTEM : process.startUserId(), null,
        "Запущен процесс «" + process.name() + "» версии " + process.version(),
        new Details().put("processDefinitionKey", process.key()).put("version", process.version())
            .put("businessKey", process.businessKey()).put("calledBy", process.superProcessInstanceId())));
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(process.id()).list();
    List<UserOperationLogEntry> operations = operationLog(process);
    Map<String, String> completers = completers(tasks, operations);
    activities(process, events);
    for (HistoricTaskInstance task : tasks) {
      task(process, task, completers.get(task.getId()), events);
    }
    variables(process, tasks, completers, operations, events);
    decisions(process, events);
    operations(operations, process, events);
    incidents(process, events);
    if (process.endTime() != null) {
      events.add(event(process, PROCESS_ENDED, process.endTime(), AuditEvent.SYSTEM, null,
          "Процесс «" + process.name() + "» завершён" + (process.deleteReason() == null ? ""
              : ": " + process.deleteReason()),
          new Details().put("state", process.state()).put("deleteReason", process.deleteReason())));
    }
    return events;
  }

  private void activities(AuditProcess process, List<AuditEvent> events) {
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
        .processInstanceId(process.id()).orderPartiallyByOccurrence().asc()
        // Parallel branches' activities of one instant have no order of their own: the id gives the same one every read.
        .orderByHistoricActivityInstanceId().asc().list()) {
      // A user task is told by its task's own events, with who held it.
      if ("userTask".equals(activity.getActivityType())) {
        continue;
      }
      events.add(event(process, activity.getProcessDefinitionId(), ACTIVITY, instant(activity.getStartTime()),
          AuditEvent.SYSTEM, activity.getActivityId(),
          "«" + Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId()) + "»"
              + (activity.isCanceled() ? " (прерван)" : ""),
          new Details().put("activityType", activity.getActivityType()).put("ended", activity.getEndTime())
              .put("canceled", activity.isCanceled() ? "true" : null)));
    }
  }

  /**
   * Who completed each task: the user of its {@code Complete} operation (Tasklist, REST), else its assignee. A task
   * completed straight from its candidate group has no assignee.
   */
  private static Map<String, String> completers(List<HistoricTaskInstance> tasks, List<UserOperationLogEntry> operations) {
    Map<String, String> completers = new HashMap<>();
    for (HistoricTaskInstance task : tasks) {
      if (task.getAssignee() != null) {
        completers.put(task.getId(), task.getAssignee());
      }
    }
    for (UserOperationLogEntry entry : operations) {
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && entry.getTaskId() != null
          && entry.getUserId() != null) {
        completers.put(entry.getTaskId(), entry.getUserId());
      }
    }
    return completers;
  }

  private void task(AuditProcess process, HistoricTaskInstance task, String completer, List<AuditEvent> events) {
    List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .orderByTime().asc().list();
    String candidates = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && "add".equals(link.getOperationType()))
        .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
        .distinct().collect(Collectors.joining(", "));
    String name = "«" + Objects.requireNonNullElse(task.getName(), task.getTaskDefinitionKey()) + "»";
    events.add(event(process, TASK_CREATED, instant(task.getStartTime()), AuditEvent.SYSTEM, task.getTaskDefinitionKey(),
        "Задача " + name + (candidates.isEmpty() ? "" : " для " + candidates),
        taskDetails(task).put("candidates", candidates).put("due", task.getDueDate()).put("followUp", task.getFollowUpDate())));
    for (HistoricIdentityLinkLog link : links) {
      boolean added = "add".equals(link.getOperationType());
      String assigner = link.getAssignerId() == null ? AuditEvent.SYSTEM : link.getAssignerId();
      if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
        AuditEventType type = !added ? TASK_UNASSIGNED
            : Objects.equals(link.getAssignerId(), link.getUserId()) ? TASK_CLAIMED : TASK_ASSIGNED;
        String summary = switch (type) {
          case TASK_CLAIMED -> link.getUserId() + " взял(а) задачу " + name;
          case TASK_ASSIGNED -> "Задача " + name + " назначена: " + link.getUserId();
          default -> link.getUserId() + " больше не исполнитель задачи " + name;
        };
        events.add(event(process, type, instant(link.getTime()), assigner, task.getTaskDefinitionKey(), summary,
            taskDetails(task).put("assignee", link.getUserId())));
      } else if (IdentityLinkType.OWNER.equals(link.getType()) && added) {
        events.add(event(process, TASK_DELEGATED, instant(link.getTime()), assigner, task.getTaskDefinitionKey(),
            "Задача " + name + " делегирована владельцем " + link.getUserId(),
            taskDetails(task).put("owner", link.getUserId())));
      }
    }
    if (task.getEndTime() != null) {
      boolean completed = "completed".equals(task.getDeleteReason());
      events.add(event(process, completed ? TASK_COMPLETED : TASK_CANCELLED, instant(task.getEndTime()),
          completed && completer != null ? completer : AuditEvent.SYSTEM, task.getTaskDefinitionKey(),
          "Задача " + name + (completed ? " выполнена" : " снята: " + task.getDeleteReason()),
          taskDetails(task).put("assignee", task.getAssignee()).put("completedBy", completer).put("due", task.getDueDate())
              .put("inTime", task.getDueDate() == null ? null : !task.getEndTime().after(task.getDueDate()))));
    }
  }

  private static Details taskDetails(HistoricTaskInstance task) {
    return new Details().put("taskId", task.getId()).put("task", task.getTaskDefinitionKey()).put("name", task.getName());
  }

  /**
   * Each update with the value it replaced. Who changed it: the holder of the task it was set through, or the user
   * whose operation set it (Cockpit, REST); otherwise the process itself.
   */
  private void variables(AuditProcess process, List<HistoricTaskInstance> tasks, Map<String, String> completers,
      List<UserOperationLogEntry> operations, List<AuditEvent> events) {
    Map<Date, String> completedAt = new HashMap<>();
    for (HistoricTaskInstance task : tasks) {
      if (task.getEndTime() != null && completers.containsKey(task.getId())) {
        completedAt.put(task.getEndTime(), completers.get(task.getId()));
      }
    }
    Map<String, String> operators = new HashMap<>();
    for (UserOperationLogEntry entry : operations) {
      operators.putIfAbsent(entry.getOperationId(), entry.getUserId());
    }
    Map<String, String> previous = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(process.id()).variableUpdates()
        .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String value = update.getErrorMessage() != null ? "(не прочитать: " + update.getErrorMessage() + ")"
          : Details.text(update.getTypedValue());
      String before = previous.put(update.getVariableInstanceId(), value == null ? "" : value);
      String actor = update.getTaskId() == null ? null : completers.get(update.getTaskId());
      if (actor == null && update.getUserOperationId() != null) {
        actor = operators.get(update.getUserOperationId());
      }
      if (actor == null) {
        actor = completedAt.get(update.getTime());
      }
      events.add(event(process, VARIABLE_CHANGED, instant(update.getTime()), actor == null ? AuditEvent.SYSTEM : actor,
          null, update.getVariableName() + " = " + shortly(value),
          new Details().put("variable", update.getVariableName()).put("type", update.getTypeName())
              .put("oldValue", before).put("newValue", value).put("taskId", update.getTaskId())));
    }
  }

  private static String shortly(String value) {
    return value == null ? "null" : value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }

  private void decisions(AuditProcess process, List<AuditEvent> events) {
    Map<String, Integer> versions = new HashMap<>();
    for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
        .processInstanceId(process.id()).includeInputs().includeOutputs().disableBinaryFetching()
        .disableCustomObjectDeserialization().orderByEvaluationTime().asc().list()) {
      int version = versions.computeIfAbsent(decision.getDecisionDefinitionId(),
          id -> repository.getDecisionDefinition(id).getVersion());
      String inputs = decision.getInputs().stream()
          .map(input -> label(input.getClauseName(), input.getClauseId()) + " = " + Details.text(input.getTypedValue()))
          .collect(Collectors.joining("; "));
      String outputs = decision.getOutputs().stream()
          .map(output -> label(output.getVariableName(), output.getClauseId()) + " = " + Details.text(output.getTypedValue()))
          .collect(Collectors.joining("; "));
      String rules = decision.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct()
          .collect(Collectors.joining(", "));
      events.add(event(process, DECISION_EVALUATED, instant(decision.getEvaluationTime()),
          decision.getUserId() == null ? AuditEvent.SYSTEM : decision.getUserId(), decision.getActivityId(),
          "«" + decision.getDecisionDefinitionName() + "» (" + decision.getDecisionDefinitionKey() + ", версия " + version
              + "): " + (rules.isEmpty() ? "ни одно правило не подошло" : "правило " + rules) + (outputs.isEmpty() ? ""
              : " → " + outputs),
          new Details().put("decisionInstanceId", decision.getId()).put("decision", decision.getDecisionDefinitionKey())
              .put("decisionDefinitionId", decision.getDecisionDefinitionId()).put("version", version)
              .put("inputs", inputs).put("matchedRules", rules).put("outputs", outputs)
              .put("requiredBy", decision.getRootDecisionInstanceId())));
    }
  }

  private static String label(String name, String id) {
    return name == null ? id : name;
  }

  private List<UserOperationLogEntry> operationLog(AuditProcess process) {
    return history.createUserOperationLogQuery().processInstanceId(process.id()).orderByTimestamp().asc().list();
  }

  /** The user operation log, one event per operation with every property it changed. */
  private void operations(List<UserOperationLogEntry> operations, AuditProcess process, List<AuditEvent> events) {
    Map<String, List<UserOperationLogEntry>> byOperation = operations.stream()
        .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new, Collectors.toList()));
    for (List<UserOperationLogEntry> entries : byOperation.values()) {
      UserOperationLogEntry first = entries.get(0);
      Details details = new Details().put("operation", first.getOperationType()).put("entity", first.getEntityType())
          .put("taskId", first.getTaskId()).put("category", first.getCategory());
      List<String> changes = new ArrayList<>();
      for (UserOperationLogEntry entry : entries) {
        if (entry.getProperty() != null) {
          details.put(entry.getProperty(), Objects.toString(entry.getOrgValue(), "") + " → "
              + Objects.toString(entry.getNewValue(), ""));
          changes.add(entry.getProperty());
        }
      }
      events.add(event(process, USER_OPERATION, instant(first.getTimestamp()),
          first.getUserId() == null ? AuditEvent.SYSTEM : first.getUserId(), null,
          first.getOperationType() + " " + first.getEntityType() + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)),
          details));
    }
  }

  private void incidents(AuditProcess process, List<AuditEvent> events) {
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(process.id()).list()) {
      events.add(event(process, INCIDENT_OPENED, instant(incident.getCreateTime()), AuditEvent.SYSTEM,
          incident.getActivityId(), "Инцидент " + incident.getIncidentType() + ": " + incident.getIncidentMessage(),
          new Details().put("incidentId", incident.getId()).put("incidentType", incident.getIncidentType())
              .put("message", incident.getIncidentMessage())));
      if (incident.getEndTime() != null) {
        events.add(event(process, INCIDENT_RESOLVED, instant(incident.getEndTime()), AuditEvent.SYSTEM,
            incident.getActivityId(), "Инцидент " + incident.getIncidentType() + (incident.isDeleted() ? " снят" : " устранён"),
            new Details().put("incidentId", incident.getId())));
      }
    }
  }

  private static AuditEvent event(AuditProcess process, AuditEventType type, Instant time, String actor,
      String activityId, String summary, Details details) {
    return event(process, process.definitionId(), type, time, actor, activityId, summary, details);
  }

  /**
   * An event on the model version it happened on: an instance migrated to a newer version keeps the steps it took
   * before on the older diagram.
   */
  private static AuditEvent event(AuditProcess process, String definitionId, AuditEventType type, Instant time,
      String actor, String activityId, String summary, Details details) {
    return new AuditEvent(time, type, actor, summary, process.id(),
        definitionId == null ? process.definitionId() : definitionId, activityId, null, details.map());
  }
}
