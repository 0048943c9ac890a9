package ru.cur.appeals.regulation;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * A step's clock as the model reads it. {@code ${deadline.due(execution, 'ANSWER')}} and
 * {@code ${deadline.reminder(execution, 'ANSWER')}} give a timer or a task's due and follow-up date the step's
 * deadline; {@code ${deadline.met(execution, 'ANSWER')}}, as an end listener, ends the clock when the activity
 * that does the step ends. An activity cancelled by a withdrawal did not do its step; closing the appeal cancels
 * its deadlines instead. Public: the model calls its methods through expressions.
 *
 * <p>The deadlines live in the application's {@code appeal_deadline}, not in process variables: a stored copy
 * would cost every appeal a variable, its history and its detail per date (about 2.4 KB each with PostgreSQL's
 * indexes) for what the table already holds. The step's start hands the dates to the transaction as transient
 * variables ({@link #offer}), which the timers and tasks created in the same transaction read without a query; a
 * later evaluation — an instance moved back to a task in Cockpit, a timer's due date recalculated, a task entered
 * again — reads the table.
 */
@Component("deadline")
public class DeadlineListener {

  private final AppealRepository appeals;
  private final Deadlines deadlines;

  DeadlineListener(AppealRepository appeals, Deadlines deadlines) {
    this.appeals = appeals;
    this.deadlines = deadlines;
  }

  /**
   * Gives the process the step's due time and reminder point ({@link Deadline#reminderOrDue()}) for the rest of the
   * transaction. An instance of a model version from before the dates were read through this bean reads them from
   * variables, which it keeps: it is given them stored, as before. Every such instance stored its moderation dates
   * when it began.
   */
  public static void offer(VariableScope execution, Deadline deadline) {
    TypedValue moderation = execution.getVariableTyped(Step.MODERATION.dueVariable());
    boolean transientOnly = moderation == null || moderation.isTransient();
    Step step = deadline.step();
    execution.setVariable(step.dueVariable(), date(deadline.due(), transientOnly));
    execution.setVariable(step.reminderVariable(), date(deadline.reminderOrDue(), transientOnly));
  }

  private static TypedValue date(OffsetDateTime value, boolean transientOnly) {
    return Variables.dateValue(Date.from(value.toInstant()), transientOnly);
  }

  /** When the step is due: what its deadline timer waits for and its tasks show as due date. */
  public Date due(DelegateExecution execution, String step) {
    return date(execution, Step.valueOf(step), Step::dueVariable, Deadline::due);
  }

  /** When the step's reminder is sent: its due time where the regulation sets no reminder. */
  public Date reminder(DelegateExecution execution, String step) {
    return date(execution, Step.valueOf(step), Step::reminderVariable, Deadline::reminderOrDue);
  }

  /** The date the step's start offered this transaction, or else the one the appeal's deadline keeps. */
  private Date date(VariableScope execution, Step step, Function<Step, String> offered,
      Function<Deadline, OffsetDateTime> kept) {
    return execution.getVariable(offered.apply(step)) instanceof Date date
        ? date
        : Date.from(kept.apply(deadline(execution, step)).toInstant());
  }

  private Deadline deadline(VariableScope execution, Step step) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    return deadlines.find(appeals.getByNumber(number).id(), step)
        // An incident in Cockpit: the model reads a step that was never started for this appeal.
        .orElseThrow(() -> new IllegalStateException("Обращение " + number + " не имеет срока этапа " + step.name()));
  }

  public void met(DelegateExecution execution, String step) {
    if (execution.isCanceled()) {
      return;
    }
    deadlines.done(appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID)), Step.valueOf(step));
  }
}
