package ru.cur.appeals.regulation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.system.TransactionState;

/**
 * DMN {@code appeal-regulation}: the term of a step for an appeal. The table is evaluated in the engine,
 * so each evaluation is in the decision history an auditor reads next to the appeal.
 */
@Component
class RegulationTable {

  static final String DECISION_KEY = "appeal-regulation";

  private final DecisionService decisions;

  RegulationTable(DecisionService decisions) {
    this.decisions = decisions;
  }

  /**
   * The id of the newest deployed version: what a new appeal is given. Looked up once per transaction, so that the
   * appeals registered together are given one version, as if registered at the same moment.
   */
  String latestVersion() {
    LatestVersion known = TransactionState.of(LatestVersion.class, LatestVersion::new);
    if (known != null && known.id != null) {
      return known.id;
    }
    // The engine's own lookup of a key's latest version, as a process start by key does: one statement, without
    // the query API's authorization checks and paging, which cost a new appeal more than the lookup itself.
    DecisionDefinitionEntity latest = Context.getCommandContext().getDecisionDefinitionManager()
        .findLatestDecisionDefinitionByKey(DECISION_KEY);
    if (latest == null) {
      throw new IllegalStateException("DMN " + DECISION_KEY + " is not deployed");
    }
    if (known != null) {
      known.id = latest.getId();
    }
    return latest.getId();
  }

  /** The newest version as this transaction found it. */
  private static final class LatestVersion implements TransactionSynchronization {
    private String id;
  }

  /** The term the given version of the table sets for the step, empty where the regime has no such step. */
  Optional<Term> term(String decisionDefinitionId, Step step, Appeal appeal) {
    Map<String, Object> input = new HashMap<>();
    input.put("step", step.name());
    input.put("regime", appeal.channel().regime().name());
    input.put("channel", appeal.channel().name());
    input.put("category", appeal.category() != null ? appeal.category() : appeal.categoryHint());
    input.put("responseType", appeal.responseType());
    DmnDecisionResult result = withoutAuthorization(() ->
        decisions.evaluateDecisionById(decisionDefinitionId).variables(input).evaluate());
    if (result.isEmpty()) {
      return Optional.empty();
    }
    DmnDecisionResultEntries row = result.getFirstResult();
    // An empty output cell leaves the entry out of the result altogether.
    Number reminderBefore = (Number) row.getEntryMap().get("reminderBefore");
    String reminderUnit = (String) row.getEntryMap().get("reminderUnit");
    return Optional.of(new Term(
        this.<Number>required(row, "term", step).intValue(),
        TermUnit.valueOf(required(row, "unit", step)),
        reminderBefore == null || reminderUnit == null ? null : reminderBefore.intValue(),
        reminderBefore == null || reminderUnit == null ? null : TermUnit.valueOf(reminderUnit)));
  }

  private <T> T required(DmnDecisionResultEntries row, String output, Step step) {
    @SuppressWarnings("unchecked")
    T value = (T) row.getEntryMap().get(output);
    if (value == null) {
      // A row without a term is a modelling error: the incident shows it in Cockpit.
      throw new IllegalStateException(DECISION_KEY + " has a rule for " + step + " without '" + output + "'");
    }
    return value;
  }

  /**
   * The regulation applies whoever completes the task that starts a step: the moderator who may not
   * read decision definitions still gets the terms the table sets.
   */
  private static <T> T withoutAuthorization(Callable<T> evaluation) {
    // Steps start and end inside the engine's commands (delegates, task listeners).
    return Context.getCommandContext().runWithoutAuthorization(evaluation);
  }

  /** A term and the reminder before its end; the reminder is null where the table sets none. */
  record Term(int amount, TermUnit unit, Integer reminderBefore, TermUnit reminderUnit) {}
}
