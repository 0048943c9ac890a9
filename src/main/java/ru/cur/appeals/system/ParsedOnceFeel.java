package ru.cur.appeals.system;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL, parsed once per expression instead of at every evaluation. Camunda's FEEL engine
 * parses a cell's text each time a rule is tried: for the regulation table that is some twenty parses per term,
 * and two terms start with every appeal — the largest part of an intake's CPU after the engine's own 1.19.3 bug
 * was gone (pom.xml, bench/README.md). A parsed expression is an immutable syntax tree, so one serves every
 * thread; evaluation itself is Camunda's, unchanged, with the same value mappers and functions.
 *
 * <p>Most cells of the tables name the values they accept: {@code "MODERATION"}, {@code "ANSWER","RESOLUTION"},
 * {@code "roads.potholes",starts with(?, "landscaping.")}. Such a cell tested against a text input is answered by
 * looking the text up among its literals and prefixes, without the interpreter: it was the larger half of what a
 * regulation term still cost (JFR, bench/README.md). An output cell that is a literal ({@code 3},
 * {@code "WORKING_DAYS"}) is FEEL's value of it, kept. Anything else — another input, an escape, any other
 * function, no value, a number to compare — goes to FEEL as before.
 */
@Component
public class ParsedOnceFeel extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration(dmnConfiguration());
    } else {
      configuration.getDmnEngineConfiguration().setFeelEngineFactory(new Factory());
    }
  }

  /** A configuration of a DMN engine of its own that reads FEEL as the process engine's does. */
  public static DefaultDmnEngineConfiguration dmnConfiguration() {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new Factory());
    return dmn;
  }

  /** Camunda's factory of the Scala FEEL engine, making the engine below. */
  static final class Factory extends ScalaFeelEngineFactory {

    @Override
    public FeelEngine createInstance() {
      return new ScalaFeelEngine(customFunctionProviders) {
        private final TextCache<Optional<TextCell>> textCells = new TextCache<>();
        private final TextCache<Optional<Object>> literalValues = new TextCache<>();

        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
            ValueMapper.CompositeValueMapper values) {
          return new ParsedOnce(functions, values);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
          Optional<TextCell> cell = textCells.get(expression, Factory::textCell);
          TypedValue input = cell.isPresent() ? context.resolve(inputVariable) : null;
          if (input != null && input.getValue() instanceof String text) {
            return cell.get().accepts(text);
          }
          return super.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }

        /** A literal (an output cell's {@code 3}, {@code "WORKING_DAYS"}) is the same value every time: FEEL's, once. */
        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
          if (!LITERAL.matcher(expression).matches()) {
            return super.evaluateSimpleExpression(expression, context);
          }
          return (T) literalValues.get(expression,
              text -> Optional.ofNullable(super.evaluateSimpleExpression(text, context))).orElse(null);
        }
      };
    }

    /** A text without escapes, or a whole number: what FEEL makes of it depends on nothing else. */
    private static final Pattern LITERAL = Pattern.compile("\\s*(\"[^\"\\\\]*\"|-?\\d{1,9})\\s*");
    private static final Pattern TEXT = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern STARTS_WITH =
        Pattern.compile("\\s*starts with\\(\\s*\\?\\s*,\\s*\"([^\"\\\\]*)\"\\s*\\)\\s*");

    /**
     * The texts a cell accepts when it is made only of text literals ({@code "A"}, {@code "A", "B"}) and
     * {@code starts with(?, "a.")} tests, separated by commas; empty for any other cell. A literal with a
     * backslash is left to FEEL, which reads its escapes.
     */
    static Optional<TextCell> textCell(String cell) {
      Set<String> texts = new HashSet<>();
      List<String> prefixes = new ArrayList<>();
      Matcher text = TEXT.matcher(cell);
      Matcher startsWith = STARTS_WITH.matcher(cell);
      int at = 0;
      while (true) {
        if (text.region(at, cell.length()).lookingAt()) {
          texts.add(text.group(1));
          at = text.end();
        } else if (startsWith.region(at, cell.length()).lookingAt()) {
          prefixes.add(startsWith.group(1));
          at = startsWith.end();
        } else {
          return Optional.empty();
        }
        if (at == cell.length()) {
          return Optional.of(new TextCell(Set.copyOf(texts), List.copyOf(prefixes)));
        }
        if (cell.charAt(at) != ',') {
          return Optional.empty();
        }
        at++;
      }
    }

    /** The texts a cell names, and the beginnings it accepts. */
    record TextCell(Set<String> texts, List<String> prefixes) {

      boolean accepts(String text) {
        if (texts.contains(text)) {
          return true;
        }
        for (String prefix : prefixes) {
          if (text.startsWith(prefix)) {
            return true;
          }
        }
        return false;
      }
    }
  }

  /** What is made of a cell's text, once per text; beyond this many texts (a runaway deployment loop) it starts over. */
  private static final class TextCache<T> {

    private static final int MOST_TEXTS = 10_000;

    private final Map<String, T> made = new ConcurrentHashMap<>();

    T get(String text, Function<String, T> make) {
      if (made.size() >= MOST_TEXTS) {
        made.clear();
      }
      return made.computeIfAbsent(text, make);
    }
  }

  /**
   * The engine {@link ScalaFeelEngine} builds (external functions off, as there), with the parsing of
   * {@code evalExpression} and {@code evalUnaryTests} — the two calls Camunda makes — done once per text.
   */
  static final class ParsedOnce extends org.camunda.feel.FeelEngine {

    private final TextCache<Either<Failure, ParsedExpression>> expressions = new TextCache<>();
    private final TextCache<Either<Failure, ParsedExpression>> unaryTests = new TextCache<>();

    ParsedOnce(CustomFunctionTransformer functions, ValueMapper values) {
      super(functions, values, new Configuration(false), org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return evaluate(expressions.get(expression, this::parseExpression), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      Either<Failure, Object> result = evaluate(unaryTests.get(expression, this::parseUnaryTests), context);
      // As the engine's own evalUnaryTests: the outcome as a boolean, no value (null) counting as false.
      return result.isRight()
          ? new Right<>(BoxesRunTime.unboxToBoolean(((Right<Failure, Object>) result).value()))
          : result;
    }

    @SuppressWarnings("unchecked")
    private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, Context context) {
      return parsed.isRight()
          ? eval(((Right<Failure, ParsedExpression>) parsed).value(), context)
          : (Either<Failure, Object>) (Either<Failure, ?>) parsed;
    }
  }
}
