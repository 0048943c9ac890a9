package ru.cur.appeals.regulation;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.RegionTime;

/**
 * «Зафиксировать нарушение срока»: the escalation of a missed deadline (its code is the {@link Step},
 * caught into {@code overdueStep}) is put on record for KPIs, and the supervisor's control task gets
 * what it shows: which step, whose, due when.
 */
@Component("recordBreach")
class RecordBreach implements JavaDelegate {

  static final String OVERDUE_STEP = "overdueStep";

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final ReferenceData referenceData;
  private final RegionTime time;
  private final Clock clock;

  RecordBreach(AppealRepository appeals, Deadlines deadlines, ReferenceData referenceData, RegionTime time,
      Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.referenceData = referenceData;
    this.time = time;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    Step step = Step.valueOf((String) execution.getVariable(OVERDUE_STEP));
    execution.setVariableLocal("overdueStepName", step.title());
    execution.setVariableLocal("overdueOrganizationName", step.byAppealCenter() || appeal.organization() == null
        ? "Центр управления регионом" : referenceData.organizationName(appeal.organization()));
    // A timer run by hand after its step ended finds no open deadline: the control task still opens.
    Instant due = deadlines.missed(appeal, step).map(deadline -> deadline.due().toInstant()).orElseGet(clock::instant);
    execution.setVariableLocal("overdueDue", time.dateTime(due));
    // The control task is due when the step was: the longer it is late, the higher it sorts.
    execution.setVariableLocal("overdueDueDate", Date.from(due));
  }
}
