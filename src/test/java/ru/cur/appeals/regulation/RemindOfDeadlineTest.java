package ru.cur.appeals.regulation;

import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.StaffNotices;
import ru.cur.appeals.system.RegionTime;

/**
 * The model names the step of a reminder in its call; an instance of an earlier model version names it in the
 * task's input parameter and is reminded alike (the reminder itself on a real engine: AuditScenarios).
 */
class RemindOfDeadlineTest {

  @Test
  void anInstanceOfAnEarlierModelNamesTheStepInItsInputParameter() {
    RemindOfDeadline reminders = spy(new RemindOfDeadline(mock(AppealRepository.class), mock(Deadlines.class),
        mock(StaffNotices.class), mock(TaskService.class), mock(RegionTime.class)));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("step")).thenReturn("ANSWER");
    doNothing().when(reminders).remind(execution, "ANSWER");

    reminders.execute(execution);

    verify(reminders).remind(execution, "ANSWER");
  }
}
