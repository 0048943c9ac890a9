package ru.cur.appeals.system;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A clerk's input that a rule of the model refuses (a moderation without a category, a refusal
 * without a reason): the message tells the clerk what to fix. The engine REST API answers it with
 * 400 and the message alone (see {@link RuleViolationResponses}), not as a server error.
 */
public class RuleViolation extends ProcessEngineException {

  public RuleViolation(String message) {
    super(message);
  }
}
