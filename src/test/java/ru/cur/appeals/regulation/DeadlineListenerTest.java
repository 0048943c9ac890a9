package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What a step's start hands the process: its dates for the transaction only, or stored where an instance of an
 * earlier model version reads them from variables (the scenarios on a real engine: DeadlineScenarios).
 */
class DeadlineListenerTest {

  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-12-31T18:00:00+07:00");
  private static final OffsetDateTime REMIND = OffsetDateTime.parse("2026-12-29T18:00:00+07:00");

  @Test
  void aNewInstanceIsGivenTheDatesForItsTransactionOnly() {
    VariableScope instance = mock(VariableScope.class);
    when(instance.getVariableTyped("moderationDue")).thenReturn(Variables.dateValue(new Date(), true));

    DeadlineListener.offer(instance, answer(REMIND));

    assertThat(given(instance, "answerDue")).extracting(TypedValue::getValue, TypedValue::isTransient)
        .containsExactly(Date.from(DUE.toInstant()), true);
    assertThat(given(instance, "answerReminder")).extracting(TypedValue::getValue, TypedValue::isTransient)
        .containsExactly(Date.from(REMIND.toInstant()), true);
  }

  @Test
  void anInstanceThatStoresItsDatesKeepsThemStored() {
    VariableScope instance = mock(VariableScope.class);
    when(instance.getVariableTyped("moderationDue")).thenReturn(Variables.dateValue(new Date()));

    DeadlineListener.offer(instance, answer(REMIND));

    assertThat(given(instance, "answerDue").isTransient()).isFalse();
    assertThat(given(instance, "answerReminder").isTransient()).isFalse();
  }

  @Test
  void withoutAReminderTheReminderMeetsTheDeadline() {
    VariableScope instance = mock(VariableScope.class);

    DeadlineListener.offer(instance, answer(null));

    assertThat(given(instance, "answerReminder").getValue()).isEqualTo(Date.from(DUE.toInstant()));
  }

  private static TypedValue given(VariableScope instance, String name) {
    ArgumentCaptor<Object> value = ArgumentCaptor.forClass(Object.class);
    verify(instance).setVariable(eq(name), value.capture());
    return (TypedValue) value.getValue();
  }

  private static Deadline answer(OffsetDateTime remindAt) {
    return new Deadline(Step.ANSWER, Step.ANSWER.title(), DUE.minusDays(30), DUE, remindAt, 30,
        TermUnit.CALENDAR_DAYS, remindAt == null ? null : 2, remindAt == null ? null : TermUnit.CALENDAR_DAYS, null,
        Deadline.State.OPEN, null, false);
  }
}
