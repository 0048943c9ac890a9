package ru.cur.appeals.system;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
            ValueMapper.CompositeValueMapper values) {
          return new ParsedOnce(functions, values);
        }
      };
    }
  }

  /**
   * The engine {@link ScalaFeelEngine} builds (external functions off, as there), with the parsing of
   * {@code evalExpression} and {@code evalUnaryTests} — the two calls Camunda makes — done once per text.
   */
  static final class ParsedOnce extends org.camunda.feel.FeelEngine {

    /** Texts of deployed tables; beyond this many (a runaway deployment loop) it starts over rather than grow. */
    private static final int MOST_TEXTS = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsedOnce(CustomFunctionTransformer functions, ValueMapper values) {
      super(functions, values, new Configuration(false), org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return evaluate(parsed(expressions, expression, this::parseExpression), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      Either<Failure, Object> result = evaluate(parsed(unaryTests, expression, this::parseUnaryTests), context);
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

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
        String text, Function<String, Either<Failure, ParsedExpression>> parse) {
      if (cache.size() >= MOST_TEXTS) {
        cache.clear();
      }
      return cache.computeIfAbsent(text, parse);
    }
  }
}
