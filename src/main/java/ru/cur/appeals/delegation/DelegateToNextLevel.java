package ru.cur.appeals.delegation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.referencedata.Organization;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;

/**
 * «Передать на следующий уровень»: the problem is not confirmed solved, so the next organisation of the
 * chain takes the appeal over (seed 004: the polyclinic first, then the Ministry of Health). The level's
 * answer and the resident's word go on record for the next level's card; the process starts a new
 * answer round for the new organisation; the resident learns who works on it now.
 */
@Component("delegateToNextLevel")
class DelegateToNextLevel implements JavaDelegate {

  /** What one answer round leaves behind; the next level starts without it. */
  private static final List<String> ROUND_VARIABLES = List.of(AppealProcess.ANSWER_TEXT, AppealProcess.APPROVED,
      AppealProcess.COMMENT, AppealProcess.PROBLEM_SOLVED, AppealProcess.RESOLVED, AppealProcess.RESIDENT_COMMENT,
      AppealProcess.EXTENSION_REQUESTED, AppealProcess.EXTENSION_DAYS, AppealProcess.EXTENSION_REASON,
      AppealProcess.EXTENSION_APPROVED, AppealProcess.EXTENSION_COMMENT);

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final DelegationChain chain;
  private final DelegationHistory history;
  private final Deadlines deadlines;
  private final Outbox outbox;

  DelegateToNextLevel(AppealRepository appeals, ReferenceData referenceData, DelegationChain chain,
      DelegationHistory history, Deadlines deadlines, Outbox outbox) {
    this.appeals = appeals;
    this.referenceData = referenceData;
    this.chain = chain;
    this.history = history;
    this.deadlines = deadlines;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    Appeal appeal = appeals.getByNumber(number);
    int level = ((Number) execution.getVariable(AppealProcess.DELEGATION_LEVEL)).intValue();
    String nextCode = chain.nextLevel(execution);
    // A table naming an organisation the region does not have is a modelling error: Cockpit shows it.
    Organization next = referenceData.organization(nextCode).orElseThrow(() ->
        new IllegalStateException("appeal-delegation names unknown organisation '" + nextCode + "'"));

    history.record(appeal, level, outcomeOf(execution), (String) execution.getVariable(AppealProcess.RESIDENT_COMMENT));
    deadlines.done(appeal, Step.CONFIRMATION);

    execution.setVariable(AppealProcess.ORGANIZATION, next.code());
    execution.setVariable(AppealProcess.ORGANIZATION_KIND, next.kind());
    execution.setVariable(AppealProcess.DELEGATION_LEVEL, level + 1);
    ROUND_VARIABLES.forEach(execution::removeVariable);
    appeals.assign(number, next.code(), appeal.responseType());
    outbox.owe(appeal, NoticeKind.ROUTED, Map.of(
        "registrationNumber", number,
        "organization", next.code(),
        "organizationName", next.name(),
        "level", level + 1));
  }

  private static LevelOutcome outcomeOf(DelegateExecution execution) {
    if (Boolean.FALSE.equals(execution.getVariable(AppealProcess.PROBLEM_SOLVED))) {
      return LevelOutcome.NOT_SOLVED;
    }
    return execution.hasVariable(AppealProcess.RESOLVED) ? LevelOutcome.NOT_RESOLVED : LevelOutcome.NO_REPLY;
  }
}
