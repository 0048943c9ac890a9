package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * The model names the steps whose clocks start; instances of earlier model versions name them in the task's input
 * parameter and reach the same start (the whole registration on a real engine: DeadlineScenarios).
 */
class ScheduleDeadlinesTest {

  private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-12-01T09:00:00Z");
  private static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-12-01T09:30:00Z");

  private final AppealRepository appeals = mock(AppealRepository.class);
  private final Deadlines deadlines = mock(Deadlines.class);
  private final Appeal appeal = mock(Appeal.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final ScheduleDeadlines schedule = new ScheduleDeadlines(appeals, deadlines,
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  ScheduleDeadlinesTest() {
    when(execution.getVariable("appealId")).thenReturn("ЦУР-2026-000001");
    when(appeals.getByNumber("ЦУР-2026-000001")).thenReturn(appeal);
    when(appeal.id()).thenReturn(1L);
    when(appeal.receivedAt()).thenReturn(RECEIVED);
    when(appeal.registeredAt()).thenReturn(REGISTERED);
    when(appeals.importedAt(1L)).thenReturn(Optional.empty());
    when(deadlines.start(eq(appeal), any())).thenReturn(Map.of(Step.MODERATION, moderation()));
  }

  @Test
  void theStepsTheModelNamesStartFromTheirOwnMoments() {
    schedule.start(execution, "MODERATION, ANSWER");

    verify(deadlines).start(appeal, Map.of(Step.MODERATION, RECEIVED.toInstant(), Step.ANSWER, REGISTERED.toInstant()));
    assertThat(offered("moderationDue").getValue()).isEqualTo(Date.from(moderation().due().toInstant()));
  }

  @Test
  void anInstanceOfAnEarlierModelNamesThemInItsInputParameter() {
    when(execution.getVariableLocal("steps")).thenReturn("MODERATION,ANSWER");

    schedule.execute(execution);

    verify(deadlines).start(appeal, Map.of(Step.MODERATION, RECEIVED.toInstant(), Step.ANSWER, REGISTERED.toInstant()));
    assertThat(offered("moderationDue").getValue()).isEqualTo(Date.from(moderation().due().toInstant()));
  }

  private TypedValue offered(String name) {
    ArgumentCaptor<Object> value = ArgumentCaptor.forClass(Object.class);
    verify(execution).setVariable(eq(name), value.capture());
    return (TypedValue) value.getValue();
  }

  private static Deadline moderation() {
    return new Deadline(Step.MODERATION, Step.MODERATION.title(), RECEIVED, RECEIVED.plusDays(3), null, 3,
        TermUnit.CALENDAR_DAYS, null, null, null, Deadline.State.OPEN, null, false);
  }
}
