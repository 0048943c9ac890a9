package ru.cur.appeals.delegation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;

/**
 * Reads the chain DMN {@code appeal-delegation} gave the appeal ({@code delegation}: {@code level2},
 * {@code level3}) against the level it is on. Public: the model asks it in a gateway,
 * {@code ${delegationChain.nextLevel(execution) != null}}.
 */
@Component("delegationChain")
public class DelegationChain {

  /** The organisation of the next level, null on the last level or without a chain. */
  public String nextLevel(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> delegation = (Map<String, Object>) execution.getVariable(AppealProcess.DELEGATION);
    if (delegation == null) {
      return null;
    }
    int level = ((Number) execution.getVariable(AppealProcess.DELEGATION_LEVEL)).intValue();
    Object next = delegation.get("level" + (level + 1));
    return next == null || next.toString().isBlank() ? null : next.toString();
  }
}
