package ru.cur.appeals.appeal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the appeal's status in its row in step with the process: when a user task of the appeal's
 * process is created, the status becomes that step's. Runs in the engine's transaction (Camunda's
 * Spring eventing is synchronous), so the row and the process never disagree.
 */
@Component
class AppealStatusTracker {

  private static final Map<String, AppealStatus> STATUS_OF_TASK = Map.of(
      AppealProcess.MODERATE_TASK, AppealStatus.MODERATION,
      AppealProcess.PREPARE_ANSWER_TASK, AppealStatus.IN_WORK,
      AppealProcess.APPROVE_ANSWER_TASK, AppealStatus.AWAITING_APPROVAL);

  private final AppealRepository appeals;

  AppealStatusTracker(AppealRepository appeals) {
    this.appeals = appeals;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void taskCreated(DelegateTask task) {
    AppealStatus status = STATUS_OF_TASK.get(task.getTaskDefinitionKey());
    if (status == null || task.getExecution() == null) {
      return;
    }
    // The process's variable, read where the process keeps it: a task's own variables would be one more query
    // per task created, for a task just made that holds none.
    Object appealId = task.getExecution().getVariable(AppealProcess.APPEAL_ID);
    if (appealId != null) {
      appeals.updateStatus((String) appealId, status);
    }
  }
}
