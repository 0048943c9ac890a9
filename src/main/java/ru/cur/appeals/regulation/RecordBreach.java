package ru.cur.appeals.regulation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * «Зафиксировать нарушение срока»: the escalation of a missed deadline (its code is the {@link Step},
 * caught into {@code overdueStep}) is put on record for KPIs, and the supervisor's control task gets
 * what it shows: which step, whose, due when.
 */
@Component("recordBreach")
class RecordBreach implements JavaDelegate {

  static final String OVERDUE_STEP = "overdueStep";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final ReferenceData referenceData;
  private final Clock clock;

  RecordBreach(AppealRepository appeals, Deadlines deadlines, ReferenceData referenceData, Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    Step step = Step.valueOf((String) execution.getVariable(OVERDUE_STEP));
    execution.setVariableLocal("overdueStepName", step.title());
    execution.setVariableLocal("overdueOrganizationName", step.byAppealCenter() || appeal.organization() == null
        ? "Центр управления регионом" : referenceData.organizationName(appeal.organization()));
    deadlines.missed(appeal, step).ifPresent(deadline -> execution.setVariableLocal("overdueDue",
        deadline.due().atZoneSameInstant(clock.getZone()).format(SHOWN)));
  }
}
