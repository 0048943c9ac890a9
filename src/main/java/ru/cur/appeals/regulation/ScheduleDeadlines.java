package ru.cur.appeals.regulation;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * «Установить сроки»: starts the clocks of the steps the model names, {@code ${scheduleDeadlines.start(execution,
 * 'MODERATION,ANSWER')}} (comma-separated {@link Step} names), and offers the process their due times and reminder
 * points, which the tasks show and the timers wait for ({@link DeadlineListener}). The steps are the call's
 * argument rather than an input parameter: an input parameter is a variable of the task's execution, written with
 * its history (a row and a detail) every time the task runs, to say what the model already says. Models of earlier
 * versions still call it as a delegate with the input parameter {@code steps}.
 *
 * <p>Moderation runs from the receipt of the message (59-ФЗ art. 8 p. 2: registration within three days
 * of receipt), or from the import of an appeal another registry registered; the answer and a fast-track
 * resolution from registration (art. 12 p. 1), also the other registry's; the first public reply from now,
 * the end of moderation. When the next level of a delegation chain takes the appeal over, its answer term
 * runs from that moment.
 */
@Component("scheduleDeadlines")
public class ScheduleDeadlines implements JavaDelegate {

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final Clock clock;

  ScheduleDeadlines(AppealRepository appeals, Deadlines deadlines, Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** Starts the clocks of {@code steps}, comma-separated step names, for the execution's appeal. */
  public void start(DelegateExecution execution, String steps) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    boolean takenOver = execution.getVariable(AppealProcess.DELEGATION_LEVEL) instanceof Number level
        && level.intValue() > 1;
    Map<Step, Instant> started = new LinkedHashMap<>();
    Arrays.stream(steps.split(","))
        .map(String::trim)
        .map(Step::valueOf)
        .forEach(step -> started.put(step, startOf(step, appeal, takenOver)));
    deadlines.start(appeal, started).values().forEach(deadline -> DeadlineListener.offer(execution, deadline));
  }

  /** Instances of earlier model versions: the steps in the task's input parameter {@code steps}. */
  @Override
  public void execute(DelegateExecution execution) {
    start(execution, (String) execution.getVariableLocal("steps"));
  }

  private Instant startOf(Step step, Appeal appeal, boolean takenOver) {
    return switch (step) {
      // An imported appeal was registered elsewhere: the appeal center reads it from the moment it came in.
      case MODERATION -> appeals.importedAt(appeal.id()).orElse(appeal.receivedAt()).toInstant();
      // A level above on a delegation chain answers in its own term, from when it takes over.
      case ANSWER, RESOLUTION -> takenOver ? clock.instant() : appeal.registeredAt().toInstant();
      case FORWARDING, NOTICE -> appeal.registeredAt().toInstant();
      case FIRST_REPLY, CONFIRMATION, EXTENSION -> clock.instant();
    };
  }
}
