package ru.cur.appeals.audit;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.cur.appeals.system.ParsedOnceFeel;

/**
 * Evaluates every decision an appeal's process took again, with the inputs it had: against the version of the table
 * used then, which must give the same rules and outputs (anything else means the history or the engine cannot be
 * trusted, and is flagged loudly), and against today's latest version, to show what the rules in force now would say.
 *
 * <p>The decisions run in a DMN engine of their own, outside the process engine, so that a replay leaves no trace in
 * the history it checks. A decision's inputs are the variables its input expressions name; the values recorded for
 * a required decision's inputs serve its whole decision graph ({@code appeal-routing}).
 */
@Component
class DecisionReplay {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionReplay.class);
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final HistoryService history;
  private final RepositoryService repository;
  private final ThreadLocal<Map<String, Outcome>> evaluated = new ThreadLocal<>();
  private final DmnEngine dmn;

  DecisionReplay(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
    DefaultDmnEngineConfiguration configuration = ParsedOnceFeel.dmnConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(new MatchedRules()));
    this.dmn = configuration.buildEngine();
  }

  /** What one decision table gave: the rules that matched, in order, and their outputs. */
  record Outcome(List<String> rules, List<String> outputs) {

    /** Sorted: the history keeps a table's outputs in no particular order. */
    Outcome {
      rules = rules.stream().sorted().toList();
      outputs = outputs.stream().sorted().toList();
    }
  }

  /** One evaluation of a version of the decision graph with the recorded inputs. */
  record Evaluation(String decisionDefinitionId, int version, Map<String, Outcome> decisions, String error) {}

  /** A decision of the appeal's history replayed; {@code consistent} false is a finding. */
  record Replayed(String decisionInstanceId, String decisionKey, String decisionName, String processInstanceId,
      String activityId, Instant evaluatedAt, Map<String, String> inputs, Map<String, Outcome> recorded,
      Evaluation versionUsed, boolean consistent, Evaluation latest, boolean latestAgrees, List<DecisionTable> tables) {}

  List<Replayed> replay(List<String> processInstanceIds) {
    List<Replayed> replayed = new ArrayList<>();
    for (String processInstanceId : processInstanceIds) {
      List<HistoricDecisionInstance> all = history.createHistoricDecisionInstanceQuery()
          .processInstanceId(processInstanceId).includeInputs().includeOutputs().disableBinaryFetching()
          .disableCustomObjectDeserialization().orderByEvaluationTime().asc().list();
      for (HistoricDecisionInstance root : all) {
        if (root.getRootDecisionInstanceId() == null) {
          List<HistoricDecisionInstance> graph = all.stream()
              .filter(instance -> instance == root || root.getId().equals(instance.getRootDecisionInstanceId()))
              .toList();
          replayed.add(replay(root, graph));
        }
      }
    }
    return replayed;
  }

  private Replayed replay(HistoricDecisionInstance root, List<HistoricDecisionInstance> graph) {
    Map<String, Outcome> recorded = new LinkedHashMap<>();
    for (HistoricDecisionInstance instance : graph) {
      recorded.put(instance.getDecisionDefinitionKey(), recorded(instance));
    }
    DecisionDefinition used = repository.getDecisionDefinition(root.getDecisionDefinitionId());
    DmnModelInstance model = Dmn.readModelFromStream(repository.getDecisionModel(used.getId()));
    VariableMap variables = Variables.createVariables();
    Map<String, String> shown = new LinkedHashMap<>();
    for (HistoricDecisionInstance instance : graph) {
      for (HistoricDecisionInputInstance input : instance.getInputs()) {
        String expression = expressionOf(model, input.getClauseId());
        if (expression != null && VARIABLE.matcher(expression).matches() && !variables.containsKey(expression)) {
          variables.putValueTyped(expression, input.getTypedValue());
          shown.put(expression, Details.text(input.getTypedValue()));
        }
      }
    }
    Evaluation versionUsed = evaluate(used, variables);
    boolean consistent = versionUsed.error() == null && versionUsed.decisions().equals(recorded);
    if (!consistent) {
      LOG.warn("Decision {} ({}) of process instance {} does not replay to what was recorded: recorded {}, replayed {}",
          root.getId(), used.getId(), root.getProcessInstanceId(), recorded, versionUsed);
    }
    DecisionDefinition newest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(used.getKey())
        .latestVersion().singleResult();
    Evaluation latest = newest.getId().equals(used.getId()) ? versionUsed : evaluate(newest, variables);
    return new Replayed(root.getId(), root.getDecisionDefinitionKey(), root.getDecisionDefinitionName(),
        root.getProcessInstanceId(), root.getActivityId(), Details.instant(root.getEvaluationTime()), shown, recorded,
        versionUsed, consistent, latest, latest.error() == null && latest.decisions().equals(recorded),
        recorded.keySet().stream().map(key -> DecisionTable.of(model, key)).filter(Objects::nonNull).toList());
  }

  private static Outcome recorded(HistoricDecisionInstance instance) {
    List<String> rules = instance.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
    List<String> outputs = instance.getOutputs().stream()
        .map(output -> output.getVariableName() + "=" + Details.text(output.getTypedValue())).toList();
    return new Outcome(rules, outputs);
  }

  private Evaluation evaluate(DecisionDefinition definition, VariableMap variables) {
    try (InputStream xml = repository.getDecisionModel(definition.getId())) {
      DmnDecision decision = dmn.parseDecision(definition.getKey(), xml);
      evaluated.set(new LinkedHashMap<>());
      dmn.evaluateDecision(decision, variables);
      return new Evaluation(definition.getId(), definition.getVersion(), evaluated.get(), null);
    } catch (Exception e) {
      return new Evaluation(definition.getId(), definition.getVersion(), Map.of(),
          Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
    } finally {
      evaluated.remove();
    }
  }

  private static String expressionOf(DmnModelInstance model, String clauseId) {
    if (model.getModelElementById(clauseId) instanceof Input input && input.getInputExpression() != null
        && input.getInputExpression().getText() != null) {
      return input.getInputExpression().getText().getTextContent().strip();
    }
    return null;
  }

  /** Collects the matched rules of every table the replay evaluates, required ones first as the engine runs them. */
  private final class MatchedRules implements DmnDecisionEvaluationListener {

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
      Map<String, Outcome> outcomes = evaluated.get();
      if (outcomes == null) {
        return;
      }
      for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
        outcomes.put(required.getDecision().getKey(), outcome(required));
      }
      outcomes.put(event.getDecisionResult().getDecision().getKey(), outcome(event.getDecisionResult()));
    }

    private Outcome outcome(DmnDecisionLogicEvaluationEvent event) {
      if (!(event instanceof DmnDecisionTableEvaluationEvent table)) {
        return new Outcome(List.of(), List.of());
      }
      List<DmnEvaluatedDecisionRule> rules = table.getMatchingRules();
      return new Outcome(rules.stream().map(DmnEvaluatedDecisionRule::getId).toList(),
          rules.stream().flatMap(rule -> rule.getOutputEntries().values().stream())
              .map(output -> output.getOutputName() + "=" + Details.text(output.getValue()))
              .collect(Collectors.toList()));
    }
  }
}
