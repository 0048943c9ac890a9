package ru.cur.appeals.regulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.StaffNotices.Recipient;
import ru.cur.appeals.notification.StaffNotices;
import ru.cur.appeals.system.RegionTime;

/**
 * «Напомнить о сроке»: at the reminder point of the step the model names, {@code ${remindOfDeadline.remind(execution,
 * 'MODERATION')}}, whoever holds its open tasks is reminded: the assignee, or the candidate groups while nobody has
 * claimed it. Tasklist shows the same tasks as due for follow-up. The step is the call's argument rather than an
 * input parameter, which would be a variable with its history written at every reminder; models of earlier
 * versions still call it as a delegate with the input parameter {@code step}.
 */
@Component("remindOfDeadline")
public class RemindOfDeadline implements JavaDelegate {

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final StaffNotices notices;
  private final TaskService tasks;
  private final RegionTime time;

  RemindOfDeadline(AppealRepository appeals, Deadlines deadlines, StaffNotices notices, TaskService tasks,
      RegionTime time) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.notices = notices;
    this.tasks = tasks;
    this.time = time;
  }

  /** Instances of earlier model versions: the step in the task's input parameter {@code step}. */
  @Override
  public void execute(DelegateExecution execution) {
    remind(execution, (String) execution.getVariableLocal("step"));
  }

  /** Reminds whoever holds the open tasks of {@code stepName} ({@link Step}) of its coming deadline. */
  public void remind(DelegateExecution execution, String stepName) {
    Step step = Step.valueOf(stepName);
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    deadlines.find(appeal.id(), step)
        .filter(deadline -> deadline.state() == Deadline.State.OPEN && !deadline.overdue())
        .ifPresent(deadline -> openTasks(execution.getProcessInstanceId(), step).forEach(task -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("registrationNumber", appeal.registrationNumber());
          details.put("step", step.title());
          details.put("task", task.getName());
          details.put("taskId", task.getId());
          details.put("due", time.dateTime(deadline.due()));
          recipients(task).forEach(recipient -> notices.remind(appeal, recipient, details));
        }));
  }

  private Stream<Task> openTasks(String processInstanceId, Step step) {
    return tasks.createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(step.taskKeys().toArray(String[]::new))
        .list().stream();
  }

  private Stream<Recipient> recipients(Task task) {
    if (task.getAssignee() != null) {
      return Stream.of(Recipient.user(task.getAssignee()));
    }
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .flatMap(link -> link.getGroupId() != null ? Stream.of(Recipient.group(link.getGroupId()))
            : Stream.of(Recipient.user(link.getUserId())));
  }
}
