package ru.cur.appeals.appeal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;

/**
 * Closes an appeal with the outcome the model gives (input parameters {@code outcome},
 * {@code closingReason} and {@code notice}) and owes the resident the notice, if any. The optional input
 * {@code step} names the step the closing itself does (a forwarding, an art. 11 notice), so that its
 * term is checked; every deadline still open ends with the appeal.
 */
@Component("closeAppeal")
class CloseAppeal implements JavaDelegate {

  private final AppealRepository appeals;
  private final Outbox outbox;
  private final Deadlines deadlines;

  CloseAppeal(AppealRepository appeals, Outbox outbox, Deadlines deadlines) {
    this.appeals = appeals;
    this.outbox = outbox;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    Outcome outcome = Outcome.valueOf((String) execution.getVariableLocal("outcome"));
    String reason = blankToNull(execution.getVariableLocal("closingReason"));
    String notice = blankToNull(execution.getVariableLocal("notice"));
    String duplicateOf = outcome == Outcome.DUPLICATE ? blankToNull(execution.getVariable(AppealProcess.DUPLICATE_OF)) : null;
    String forwardedTo = outcome == Outcome.FORWARDED ? blankToNull(execution.getVariable(AppealProcess.FORWARD_TO)) : null;

    appeals.classify(number, blankToNull(execution.getVariable(AppealProcess.CATEGORY)),
        blankToNull(execution.getVariable(AppealProcess.TERRITORY)));
    appeals.close(number, new AppealRepository.Closing(outcome, reason, duplicateOf, forwardedTo));
    Appeal closed = appeals.getByNumber(number);
    String step = blankToNull(execution.getVariableLocal("step"));
    if (step != null) {
      deadlines.startAndFinish(closed, Step.valueOf(step));
    }
    deadlines.closeAll(closed, outcome.isAnswer());
    if (notice != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("registrationNumber", number);
      details.put("outcome", outcome.name());
      if (reason != null) {
        details.put("reason", reason);
      }
      if (duplicateOf != null) {
        details.put("duplicateOf", duplicateOf);
      }
      if (forwardedTo != null) {
        details.put("forwardedTo", forwardedTo);
      }
      outbox.owe(closed, NoticeKind.valueOf(notice), details);
    }
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
