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
 * Closes an appeal with the outcome the model gives and owes the resident the notice, if any:
 * {@code ${closeAppeal.outcome('REJECTED').reason('REPEATED').notice('REJECTED').step('NOTICE').close(execution)}}.
 * The optional {@code step} names the step the closing itself does (a forwarding, an art. 11 notice), so that its
 * term is checked; every deadline still open ends with the appeal. The closing is said in the call rather than
 * in input parameters: an input parameter is a variable of the task's execution, written with its history every
 * time the task runs, and an auditor would read {@code step = NOTICE} among the appeal's own variables. Models of
 * earlier versions still call it as a delegate with the input parameters {@code outcome}, {@code closingReason},
 * {@code notice} and {@code step}.
 */
@Component("closeAppeal")
public class CloseAppeal implements JavaDelegate {

  private final AppealRepository appeals;
  private final Outbox outbox;
  private final Deadlines deadlines;

  CloseAppeal(AppealRepository appeals, Outbox outbox, Deadlines deadlines) {
    this.appeals = appeals;
    this.outbox = outbox;
    this.deadlines = deadlines;
  }

  /** The start of the model's call: a closing with this outcome, no reason, no notice and no step of its own. */
  public Order outcome(String outcome) {
    return order(outcome, this::close);
  }

  /** A closing that {@code closer} carries out; what the model's call builds, and what a test may stand in for. */
  public static Order order(String outcome, Closer closer) {
    return new Order(closer, outcome, null, null, null);
  }

  /** Instances of earlier model versions: the closing in the task's input parameters. */
  @Override
  public void execute(DelegateExecution execution) {
    outcome((String) execution.getVariableLocal("outcome"))
        .reason(execution.getVariableLocal("closingReason"))
        .notice(execution.getVariableLocal("notice"))
        .step(execution.getVariableLocal("step"))
        .close(execution);
  }

  private void close(DelegateExecution execution, Order order) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    Outcome outcome = Outcome.valueOf(order.getOutcome());
    String reason = order.getReason();
    String duplicateOf = outcome == Outcome.DUPLICATE ? blankToNull(execution.getVariable(AppealProcess.DUPLICATE_OF)) : null;
    String forwardedTo = outcome == Outcome.FORWARDED ? blankToNull(execution.getVariable(AppealProcess.FORWARD_TO)) : null;

    appeals.classify(number, blankToNull(execution.getVariable(AppealProcess.CATEGORY)),
        blankToNull(execution.getVariable(AppealProcess.TERRITORY)));
    appeals.close(number, new AppealRepository.Closing(outcome, reason, duplicateOf, forwardedTo));
    Appeal closed = appeals.getByNumber(number);
    if (order.getStep() != null) {
      deadlines.startAndFinish(closed, Step.valueOf(order.getStep()));
    }
    deadlines.closeAll(closed, outcome.isAnswer());
    if (order.getNotice() != null) {
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
      outbox.owe(closed, NoticeKind.valueOf(order.getNotice()), details);
    }
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** Carries out a closing in the process instance of {@code execution}. */
  @FunctionalInterface
  public interface Closer {
    void close(DelegateExecution execution, Order order);
  }

  /**
   * What the model says of a closing, built up in its call; an empty or blank value is none (the model's
   * conditional notice gives {@code ''} where the regime owes none).
   */
  public static final class Order {

    private final Closer closer;
    private final String outcome;
    private final String reason;
    private final String notice;
    private final String step;

    private Order(Closer closer, String outcome, String reason, String notice, String step) {
      this.closer = closer;
      this.outcome = outcome;
      this.reason = reason;
      this.notice = notice;
      this.step = step;
    }

    /** The reason of a closing without an answer ({@code REPEATED}, {@code OUT_OF_COMPETENCE}, …). */
    public Order reason(Object reason) {
      return new Order(closer, outcome, blankToNull(reason), notice, step);
    }

    /** The notice the resident is owed ({@link NoticeKind}). */
    public Order notice(Object notice) {
      return new Order(closer, outcome, reason, blankToNull(notice), step);
    }

    /** The step the closing itself does, whose term is checked ({@link Step}). */
    public Order step(Object step) {
      return new Order(closer, outcome, reason, notice, blankToNull(step));
    }

    public void close(DelegateExecution execution) {
      closer.close(execution, this);
    }

    public String getOutcome() {
      return outcome;
    }

    public String getReason() {
      return reason;
    }

    public String getNotice() {
      return notice;
    }

    public String getStep() {
      return step;
    }
  }
}
