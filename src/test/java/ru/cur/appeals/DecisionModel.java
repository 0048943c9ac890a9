package ru.cur.appeals;

import static java.util.stream.Collectors.toMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import ru.cur.appeals.system.ParsedOnceFeel;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A DMN file from {@code decisions/} evaluated by a plain DMN engine that also reports which rule of every
 * table in the DRD fired, so that a test can name the row it checks.
 */
public final class DecisionModel {

  private final AtomicReference<DmnDecisionEvaluationEvent> lastEvaluation = new AtomicReference<>();
  private final DmnEngine engine;
  private final DmnModelInstance model;
  private final DmnDecisionRequirementsGraph graph;

  private DecisionModel(String resource) {
    DefaultDmnEngineConfiguration configuration = ParsedOnceFeel.dmnConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(lastEvaluation::set));
    engine = configuration.buildEngine();
    model = read(resource);
    graph = engine.parseDecisionRequirementsGraph(model);
  }

  public static DecisionModel load(String resource) {
    return new DecisionModel(resource);
  }

  public Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
    DmnDecisionResult result = engine.evaluateDecision(graph.getDecision(decisionKey), variables);
    DmnDecisionEvaluationEvent event = lastEvaluation.get();
    Map<String, String> firedRules = Stream
        .concat(Stream.of(event.getDecisionResult()), event.getRequiredDecisionResults().stream())
        .map(DmnDecisionTableEvaluationEvent.class::cast)
        .filter(table -> table.getMatchingRules().size() == 1)
        .collect(toMap(table -> table.getDecision().getKey(), table -> table.getMatchingRules().get(0).getId(),
            (first, second) -> first, LinkedHashMap::new));
    return new Evaluation(result, firedRules);
  }

  public List<String> ruleIds(String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    return ((DecisionTable) decision.getExpression()).getRules().stream().map(Rule::getId).toList();
  }

  public Collection<Decision> decisions() {
    return model.getDefinitions().getChildElementsByType(Decision.class);
  }

  private static DmnModelInstance read(String resource) {
    try (InputStream stream = DecisionModel.class.getResourceAsStream("/" + resource)) {
      if (stream == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return Dmn.readModelFromStream(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision result and, per decision table of the DRD, the id of the single rule that fired. */
  public record Evaluation(DmnDecisionResult result, Map<String, String> firedRules) {

    public String firedRule(String decisionKey) {
      return firedRules.get(decisionKey);
    }
  }
}
