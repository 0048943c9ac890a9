package ru.cur.appeals.regulation;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.system.RegionTime;

/**
 * «Продлить срок ответа»: the head approved the extension, so the answer deadline moves by the approved
 * days, the running reminder and deadline timers of «Подготовка ответа» move with it (nothing fires at
 * the old deadline), and the resident is notified (59-ФЗ art. 12 p. 2).
 */
@Component("extendAnswerDeadline")
class ExtendAnswerDeadline implements JavaDelegate {

  /** The boundary timers of the answer step in {@code citizen-appeal}. */
  static final String ANSWER_DEADLINE_TIMER = "Event_AnswerDeadline";
  static final String ANSWER_REMINDER_TIMER = "Event_AnswerReminder";

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final Outbox outbox;
  private final ManagementService management;
  private final RegionTime time;

  ExtendAnswerDeadline(AppealRepository appeals, Deadlines deadlines, Outbox outbox, ManagementService management,
      RegionTime time) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.management = management;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    int days = ((Number) execution.getVariable(AppealProcess.EXTENSION_DAYS)).intValue();
    Deadline answer = deadlines.extendAnswer(appeal, days);
    Date due = Date.from(answer.due().toInstant());
    Date reminder = Date.from(answer.reminderOrDue().toInstant());
    // The tasks of the answer step created later in this transaction read the new dates, later ones the table.
    DeadlineListener.offer(execution, answer);
    // The head who approves may not administer jobs; moving the timers is part of the approval.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      moveTimer(execution.getProcessInstanceId(), ANSWER_DEADLINE_TIMER, due);
      moveTimer(execution.getProcessInstanceId(), ANSWER_REMINDER_TIMER, reminder);
      return null;
    });
    outbox.owe(appeal, NoticeKind.EXTENDED, Map.of(
        "registrationNumber", appeal.registrationNumber(),
        "days", days,
        "reason", execution.getVariable(AppealProcess.EXTENSION_REASON),
        "due", time.date(answer.due())));
  }

  private void moveTimer(String processInstanceId, String timerId, Date dueDate) {
    management.createJobQuery().processInstanceId(processInstanceId).activityId(timerId).timers().list()
        .forEach(job -> management.setJobDuedate(job.getId(), dueDate));
  }
}
