package ru.cur.appeals.audit;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;

/** A decision table of the version an appeal used, as the audit view draws it with the matched rows marked. */
record DecisionTable(String key, String name, String hitPolicy, List<String> inputs, List<String> outputs,
    List<Row> rules) {

  record Row(String id, String description, List<String> inputEntries, List<String> outputEntries) {}

  static DecisionTable of(DmnModelInstance model, String key) {
    if (!(model.getModelElementById(key) instanceof Decision decision)
        || !(decision.getExpression() instanceof org.camunda.bpm.model.dmn.instance.DecisionTable table)) {
      return null;
    }
    return new DecisionTable(key, decision.getName(), String.valueOf(table.getHitPolicy()),
        table.getInputs().stream().map(DecisionTable::label).toList(),
        table.getOutputs().stream().map(output -> Objects.requireNonNullElse(output.getLabel(), output.getName())).toList(),
        table.getRules().stream().map(DecisionTable::row).toList());
  }

  private static String label(Input input) {
    if (input.getLabel() != null) {
      return input.getLabel();
    }
    return input.getInputExpression() == null || input.getInputExpression().getText() == null ? input.getId()
        : input.getInputExpression().getText().getTextContent();
  }

  private static Row row(Rule rule) {
    Description description = rule.getDescription();
    return new Row(rule.getId(), description == null ? null : description.getTextContent(),
        rule.getInputEntries().stream().map(DecisionTable::text).toList(),
        rule.getOutputEntries().stream().map(DecisionTable::text).toList());
  }

  private static String text(UnaryTests entry) {
    return entry.getText() == null ? "" : entry.getText().getTextContent().strip();
  }

  private static String text(LiteralExpression entry) {
    return entry.getText() == null ? "" : entry.getText().getTextContent().strip();
  }
}
