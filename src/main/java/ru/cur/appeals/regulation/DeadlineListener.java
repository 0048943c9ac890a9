package ru.cur.appeals.regulation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * Ends a step's clock when the activity that does the step ends: {@code ${deadline.met(execution, 'ANSWER')}}
 * as an end listener. An activity cancelled by a withdrawal did not do its step; closing the appeal
 * cancels its deadlines instead. Public: the model calls its method through an expression.
 */
@Component("deadline")
public class DeadlineListener {

  private final AppealRepository appeals;
  private final Deadlines deadlines;

  DeadlineListener(AppealRepository appeals, Deadlines deadlines) {
    this.appeals = appeals;
    this.deadlines = deadlines;
  }

  public void met(DelegateExecution execution, String step) {
    if (execution.isCanceled()) {
      return;
    }
    deadlines.done(appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID)), Step.valueOf(step));
  }
}
