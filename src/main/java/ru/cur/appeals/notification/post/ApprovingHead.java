package ru.cur.appeals.notification.post;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * Who signs an appeal's letters: the head who approved its answer last, by name. Tasklist has the head claim the
 * approval before deciding; over the REST API a head may complete it unclaimed, and then the engine's log of user
 * operations names who did.
 */
@Component
class ApprovingHead {

  private final HistoryService history;
  private final IdentityService identity;

  ApprovingHead(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  /** The head's full name; empty when the answer needed no approval or nobody has approved it yet. */
  Optional<String> of(Appeal appeal) {
    if (appeal.processInstanceId() == null) {
      return Optional.empty();
    }
    return history.createHistoricTaskInstanceQuery()
        .processInstanceId(appeal.processInstanceId())
        .taskDefinitionKey(AppealProcess.APPROVE_ANSWER_TASK)
        .finished()
        .orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, 1).stream().findFirst()
        .flatMap(this::approvedBy)
        .map(this::name);
  }

  private Optional<String> approvedBy(HistoricTaskInstance task) {
    if (task.getAssignee() != null) {
      return Optional.of(task.getAssignee());
    }
    return history.createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .listPage(0, 1).stream().findFirst()
        .map(UserOperationLogEntry::getUserId);
  }

  private String name(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
