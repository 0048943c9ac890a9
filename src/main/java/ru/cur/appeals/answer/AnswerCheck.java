package ru.cur.appeals.answer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.system.FormValues;
import ru.cur.appeals.system.RuleViolation;

/**
 * Refuses to complete «Подготовка ответа» without an answer (unless the executor asks for more time
 * instead), «Первичный ответ заявителю» without its text, and «Согласование ответа» without a decision
 * or with a refusal that does not tell the executor what to change.
 *
 * <p>The head's decision arrives as a boolean over REST and as {@code "true"}/{@code "false"} from
 * the radio group of the Camunda Form; it is stored as a boolean for the gateway. A new answer
 * starts a new approval round: the previous decision and comment are dropped (history keeps them).
 */
@Component("answerCheck")
class AnswerCheck implements TaskListener {


  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case AppealProcess.APPROVE_ANSWER_TASK -> checkApproval(task);
      case AppealProcess.FIRST_REPLY_TASK -> checkText(task, AppealProcess.FIRST_REPLY_TEXT, FormValues.TEXT_MAX_LENGTH,
          "Напишите первичный ответ заявителю");
      default -> checkAnswer(task);
    }
  }

  private static void checkAnswer(DelegateTask task) {
    if (Boolean.TRUE.equals(FormValues.bool(task.getVariable(AppealProcess.EXTENSION_REQUESTED)))) {
      return;
    }
    checkText(task, AppealProcess.ANSWER_TEXT, FormValues.TEXT_MAX_LENGTH, "Напишите текст ответа заявителю");
    // SPEC: without a word from the organisation the answer claims the problem solved.
    task.setVariable(AppealProcess.PROBLEM_SOLVED,
        !Boolean.FALSE.equals(FormValues.bool(task.getVariable(AppealProcess.PROBLEM_SOLVED))));
    task.removeVariable(AppealProcess.APPROVED);
    task.removeVariable(AppealProcess.COMMENT);
  }

  private static void checkText(DelegateTask task, String variable, int maxLength, String whenMissing) {
    Object text = task.getVariable(variable);
    if (FormValues.isBlank(text)) {
      throw new RuleViolation(whenMissing);
    }
    if (text.toString().length() > maxLength) {
      throw new RuleViolation("Текст длиннее " + maxLength + " символов; сократите его");
    }
  }

  private static void checkApproval(DelegateTask task) {
    Boolean decision = FormValues.bool(task.getVariable(AppealProcess.APPROVED));
    if (decision == null) {
      throw new RuleViolation("Выберите: согласовать ответ или вернуть на доработку");
    }
    if (!decision) {
      checkText(task, AppealProcess.COMMENT, FormValues.TEXT_MAX_LENGTH,
          "Возвращая ответ на доработку, напишите исполнителю, что исправить");
    }
    task.setVariable(AppealProcess.APPROVED, decision);
  }
}
