package ru.cur.appeals.appeal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;

/**
 * The model says a closing in its call; instances of earlier model versions say it in the task's input parameters
 * and close alike (the closings on a real engine: AppealLifecycleScenarios, DeadlineScenarios).
 */
class CloseAppealTest {

  private static final String NUMBER = "ЦУР-2026-000001";

  private final AppealRepository appeals = mock(AppealRepository.class);
  private final Outbox outbox = mock(Outbox.class);
  private final Deadlines deadlines = mock(Deadlines.class);
  private final Appeal appeal = mock(Appeal.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final CloseAppeal close = new CloseAppeal(appeals, outbox, deadlines);

  CloseAppealTest() {
    when(execution.getVariable("appealId")).thenReturn(NUMBER);
    when(execution.getVariable("category")).thenReturn("roads.potholes");
    when(execution.getVariable("territory")).thenReturn("berdsk");
    when(appeals.getByNumber(NUMBER)).thenReturn(appeal);
  }

  @Test
  void theModelsCallClosesWithItsOutcomeReasonNoticeAndStep() {
    close.outcome("REJECTED").reason("REPEATED").notice("REJECTED").step("NOTICE").close(execution);

    closedAsRepeatedWithItsNotice();
  }

  @Test
  void anInstanceOfAnEarlierModelSaysTheSameInItsInputParameters() {
    when(execution.getVariableLocal("outcome")).thenReturn("REJECTED");
    when(execution.getVariableLocal("closingReason")).thenReturn("REPEATED");
    when(execution.getVariableLocal("notice")).thenReturn("REJECTED");
    when(execution.getVariableLocal("step")).thenReturn("NOTICE");

    close.execute(execution);

    closedAsRepeatedWithItsNotice();
  }

  @Test
  void anEmptyNoticeOrStepIsNone() {
    // The model's conditional notice gives '' where the regime owes the resident none.
    close.outcome("REJECTED").reason("NO_SUBSTANCE").notice("").step(" ").close(execution);

    verify(appeals).close(NUMBER, new AppealRepository.Closing(Outcome.REJECTED, "NO_SUBSTANCE", null, null));
    verify(deadlines, never()).startAndFinish(any(), any());
    verify(deadlines).closeAll(appeal, false);
    verify(outbox, never()).owe(any(), any(), anyMap());
  }

  private void closedAsRepeatedWithItsNotice() {
    verify(appeals).classify(NUMBER, "roads.potholes", "berdsk");
    verify(appeals).close(NUMBER, new AppealRepository.Closing(Outcome.REJECTED, "REPEATED", null, null));
    verify(deadlines).startAndFinish(appeal, Step.NOTICE);
    verify(deadlines).closeAll(appeal, false);
    verify(outbox).owe(appeal, NoticeKind.REJECTED,
        Map.of("registrationNumber", NUMBER, "outcome", "REJECTED", "reason", "REPEATED"));
  }
}
