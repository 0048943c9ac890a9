package ru.cur.appeals.confirmation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.regulation.DeadlineListener;

/**
 * «Запросить подтверждение заявителя»: on a delegation chain, asks the resident whether the organisation of
 * level {@code delegationLevel} really solved the problem, and offers the process the end of the window that its
 * timer waits for ({@link DeadlineListener}).
 */
@Component("requestConfirmation")
class RequestConfirmation implements JavaDelegate {

  private final AppealRepository appeals;
  private final Confirmations confirmations;

  RequestConfirmation(AppealRepository appeals, Confirmations confirmations) {
    this.appeals = appeals;
    this.confirmations = confirmations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // A number of any kind: an expression such as ${delegationLevel + 1} yields a Long.
    if (!(execution.getVariable(Confirmations.DELEGATION_LEVEL) instanceof Number level)) {
      throw new IllegalStateException("The process asks for a confirmation without the variable "
          + Confirmations.DELEGATION_LEVEL);
    }
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    DeadlineListener.offer(execution, confirmations.request(appeal, level.intValue()));
  }
}
