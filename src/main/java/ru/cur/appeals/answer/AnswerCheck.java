package ru.cur.appeals.answer;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * Refuses to complete «Подготовка ответа» without an answer, and «Согласование ответа» without a
 * decision or with a refusal that does not tell the executor what to change.
 *
 * <p>The head's decision arrives as a boolean over REST and as {@code "true"}/{@code "false"} from
 * the radio group of the Camunda Form; it is stored as a boolean for the gateway. A new answer
 * starts a new approval round: the previous decision and comment are dropped (history keeps them).
 */
@Component("answerCheck")
class AnswerCheck implements TaskListener {

  static final int ANSWER_MAX_LENGTH = 20_000;

  @Override
  public void notify(DelegateTask task) {
    if (AppealProcess.APPROVE_ANSWER_TASK.equals(task.getTaskDefinitionKey())) {
      checkApproval(task);
    } else {
      checkAnswer(task);
    }
  }

  private static void checkAnswer(DelegateTask task) {
    Object answer = task.getVariable(AppealProcess.ANSWER_TEXT);
    if (answer == null || answer.toString().isBlank()) {
      throw new ProcessEngineException("Напишите текст ответа заявителю");
    }
    if (answer.toString().length() > ANSWER_MAX_LENGTH) {
      throw new ProcessEngineException("Ответ длиннее " + ANSWER_MAX_LENGTH + " символов; сократите его");
    }
    task.removeVariable(AppealProcess.APPROVED);
    task.removeVariable(AppealProcess.COMMENT);
  }

  private static void checkApproval(DelegateTask task) {
    Boolean decision = decision(task.getVariable(AppealProcess.APPROVED));
    if (decision == null) {
      throw new ProcessEngineException("Выберите: согласовать ответ или вернуть на доработку");
    }
    Object comment = task.getVariable(AppealProcess.COMMENT);
    if (!decision && (comment == null || comment.toString().isBlank())) {
      throw new ProcessEngineException("Возвращая ответ на доработку, напишите исполнителю, что исправить");
    }
    task.setVariable(AppealProcess.APPROVED, decision);
  }

  private static Boolean decision(Object approved) {
    if (approved instanceof Boolean decision) {
      return decision;
    }
    if ("true".equals(approved) || "false".equals(approved)) {
      return Boolean.valueOf((String) approved);
    }
    return null;
  }
}
