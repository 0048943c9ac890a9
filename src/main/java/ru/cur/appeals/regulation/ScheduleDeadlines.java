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
 * «Установить сроки»: starts the clocks of the steps named by the input parameter {@code steps}
 * (comma-separated {@link Step} names) and offers the process their due times and reminder points, which
 * the tasks show and the timers wait for ({@link DeadlineListener}).
 *
 * <p>Moderation runs from the receipt of the message (59-ФЗ art. 8 p. 2: registration within three days
 * of receipt), or from the import of an appeal another registry registered; the answer and a fast-track
 * resolution from registration (art. 12 p. 1), also the other registry's; the first public reply from now,
 * the end of moderation. When the next level of a delegation chain takes the appeal over, its answer term
 * runs from that moment.
 */
@Component("scheduleDeadlines")
class ScheduleDeadlines implements JavaDelegate {

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final Clock clock;

  ScheduleDeadlines(AppealRepository appeals, Deadlines deadlines, Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    boolean takenOver = execution.getVariable(AppealProcess.DELEGATION_LEVEL) instanceof Number level
        && level.intValue() > 1;
    Map<Step, Instant> steps = new LinkedHashMap<>();
    Arrays.stream(((String) execution.getVariableLocal("steps")).split(","))
        .map(String::trim)
        .map(Step::valueOf)
        .forEach(step -> steps.put(step, startOf(step, appeal, takenOver)));
    deadlines.start(appeal, steps).values().forEach(deadline -> DeadlineListener.offer(execution, deadline));
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
