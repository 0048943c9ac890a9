package ru.cur.appeals.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

class ParsedOnceFeelTest {

  private static final String CELL = "cellInput";

  private final FeelEngine parsedOnce = new ParsedOnceFeel.Factory().createInstance();
  private final FeelEngine camunda = new ScalaFeelEngineFactory().createInstance();

  @Test
  void aCellParsedOnceStillTestsEachAppealsOwnValue() {
    String steps = "\"ANSWER\",\"RESOLUTION\"";

    assertThat(parsedOnce.evaluateSimpleUnaryTests(steps, CELL, cell("ANSWER"))).isTrue();
    assertThat(parsedOnce.evaluateSimpleUnaryTests(steps, CELL, cell("MODERATION"))).isFalse();
    assertThat(parsedOnce.evaluateSimpleUnaryTests(steps, CELL, cell("RESOLUTION"))).isTrue();
  }

  @Test
  void aCellComparingWithAnotherInputReadsThatInputEveryTime() {
    String belowLimit = "< limit";

    assertThat(parsedOnce.evaluateSimpleUnaryTests(belowLimit, CELL, context(Map.of(CELL, 3, "limit", 5)))).isTrue();
    assertThat(parsedOnce.evaluateSimpleUnaryTests(belowLimit, CELL, context(Map.of(CELL, 3, "limit", 2)))).isFalse();
  }

  @Test
  void expressionsAndBuiltInFunctionsEvaluateAsInCamunda() {
    assertThat((String) parsedOnce.evaluateSimpleExpression("substring before(category, \".\")",
        context(Map.of("category", "healthcare.appointment")))).isEqualTo("healthcare");
    assertThat((String) parsedOnce.evaluateSimpleExpression("substring before(category, \".\")",
        context(Map.of("category", "roads.potholes")))).isEqualTo("roads");
    assertThat(parsedOnce.evaluateSimpleUnaryTests("starts with(?, \"healthcare.\")", CELL,
        cell("healthcare.quality"))).isTrue();
  }

  /** An output cell's literal is kept as FEEL made it the first time; anything else is evaluated each time. */
  @Test
  void literalsOfOutputCellsAreFeelsValues() {
    for (String literal : List.of("3", " 30 ", "-2", "\"WORKING_DAYS\"", "\"\"", "\"a\\\"b\"", "3.5", "1000000000000",
        "true", "category")) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThat((Object) parsedOnce.evaluateSimpleExpression(literal, cell("roads")))
            .as(literal).isEqualTo(camunda.evaluateSimpleExpression(literal, cell("roads")));
      }
    }
    assertThat((Object) parsedOnce.evaluateSimpleExpression("cellInput", cell("roads"))).isEqualTo("roads");
    assertThat((Object) parsedOnce.evaluateSimpleExpression("cellInput", cell("housing"))).isEqualTo("housing");
  }

  @Test
  void aCellWithNoValueDoesNotMatch() {
    Map<String, Object> noValue = new HashMap<>();
    noValue.put(CELL, null);

    assertThat(parsedOnce.evaluateSimpleUnaryTests("\"ANSWER\"", CELL, context(noValue)))
        .isEqualTo(camunda.evaluateSimpleUnaryTests("\"ANSWER\"", CELL, context(noValue)))
        .isFalse();
  }

  /** The cells answered without the interpreter, and the ones that only look like them, agree with FEEL. */
  @Test
  void cellsOfTextLiteralsAgreeWithCamundasEngine() {
    List<String> cells = List.of("\"A\"", " \"A\" , \"B\" ", "\"A\",\"A\"", "\"\"", "\"a\\\"b\"",
        "\"a\\\\b\"", "\"A\" \"B\"", "not(\"A\")", "\"A\", < \"B\"", "\"Ёлки, палки\"", "\"A\",\"B\",\"C\"",
        "starts with(?, \"A\")", " starts with( ? , \"a\" ) ", "\"B\",starts with(?, \"A\"),\"C\"",
        "starts with(?, \"\")", "starts with(?, \"a\\\"\")", "not(starts with(?, \"A\"))", "starts with(?, \"A\"),",
        "starts with(\"A\", ?)", "starts with(?, \"Ёлки\")");
    List<Object> values = new ArrayList<>(List.of("A", "B", "C", "", "a\"b", "a\\b", "a", " A", "Ёлки, палки", 3,
        "Ab", "ab", "a\""));
    values.add(null);

    for (String cell : cells) {
      for (Object value : values) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CELL, value);
        Object ours = outcome(() -> parsedOnce.evaluateSimpleUnaryTests(cell, CELL, context(variables)));
        Object theirs = outcome(() -> camunda.evaluateSimpleUnaryTests(cell, CELL, context(variables)));
        assertThat(ours).as("%s against %s", cell, value).isEqualTo(theirs);
      }
    }
    assertThat(ParsedOnceFeel.Factory.textCell(" \"A\" , \"B\" , starts with(?, \"c.\")"))
        .contains(new ParsedOnceFeel.Factory.TextCell(Set.of("A", "B"), List.of("c.")));
    assertThat(ParsedOnceFeel.Factory.textCell("\"a\\\"b\"")).isEmpty();
    assertThat(ParsedOnceFeel.Factory.textCell("\"A\",")).isEmpty();
    assertThat(ParsedOnceFeel.Factory.textCell("not(starts with(?, \"A\"))")).isEmpty();
  }

  /** The outcome, or the kind of failure: a cell FEEL refuses must be refused alike. */
  private static Object outcome(Supplier<Boolean> test) {
    try {
      return test.get();
    } catch (FeelException e) {
      return FeelException.class;
    }
  }

  @Test
  void aBrokenCellFailsEveryTimeAsInCamunda() {
    String broken = "\"ANSWER\",,";

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(broken, CELL, cell("ANSWER")))
          .isInstanceOf(FeelException.class)
          .hasMessageContaining("failed to parse expression");
    }
  }

  /**
   * Every cell and input expression of the deployed tables, against every value the tables name and none,
   * gives what Camunda's own engine gives.
   */
  @Test
  void everyCellOfTheDecisionTablesAgreesWithCamundasEngine() throws IOException {
    List<String> cells = new ArrayList<>();
    List<String> inputExpressions = new ArrayList<>();
    Set<Object> values = new LinkedHashSet<>();
    values.add(null);
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        var model = read(file);
        model.getModelElementsByType(InputEntry.class).forEach(entry -> cells.add(entry.getTextContent()));
        model.getModelElementsByType(InputExpression.class).forEach(input -> inputExpressions.add(
            input.getText().getTextContent()));
        model.getModelElementsByType(OutputEntry.class).stream().map(OutputEntry::getTextContent)
            .filter(text -> !text.isBlank()).forEach(inputExpressions::add);
      }
    }
    cells.forEach(cell -> values.addAll(literals(cell)));
    assertThat(cells).hasSizeGreaterThan(100);

    int compared = 0;
    for (Object value : values) {
      Map<String, Object> variables = new HashMap<>();
      for (String name : List.of(CELL, "category", "territory", "step", "regime", "channel", "responseType",
          "organizationKind")) {
        variables.put(name, value);
      }
      for (String cell : cells.stream().filter(c -> !c.isBlank()).toList()) {
        assertThat(parsedOnce.evaluateSimpleUnaryTests(cell, CELL, context(variables)))
            .as("%s against %s", cell, value)
            .isEqualTo(camunda.evaluateSimpleUnaryTests(cell, CELL, context(variables)));
        compared++;
      }
      for (String expression : inputExpressions) {
        assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, context(variables)))
            .as("%s with %s", expression, value)
            .isEqualTo(camunda.evaluateSimpleExpression(expression, context(variables)));
      }
    }
    assertThat(compared).isGreaterThan(1_000);
  }

  private static Set<String> literals(String cell) {
    Set<String> literals = new LinkedHashSet<>();
    Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(cell);
    while (quoted.find()) {
      literals.add(quoted.group(1));
      literals.add(quoted.group(1) + "x");
    }
    return literals;
  }

  private static org.camunda.bpm.model.dmn.DmnModelInstance read(Path file) {
    try (InputStream stream = Files.newInputStream(file)) {
      return Dmn.readModelFromStream(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static VariableContext cell(Object value) {
    return context(Map.of(CELL, value));
  }

  private static VariableContext context(Map<String, Object> variables) {
    return Variables.fromMap(variables).asVariableContext();
  }
}
