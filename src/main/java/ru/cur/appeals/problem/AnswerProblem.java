package ru.cur.appeals.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;

/** «Ответить всем заявителям»: the problem's answer goes to every appeal linked to it. */
@Component("answerProblem")
class AnswerProblem implements JavaDelegate {

  private final Problems problems;

  AnswerProblem(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(AppealProcess.PROBLEM_NUMBER);
    String answer = (String) execution.getVariable(AppealProcess.ANSWER_TEXT);
    boolean solved = !Boolean.FALSE.equals(execution.getVariable(AppealProcess.PROBLEM_SOLVED));
    // The executor who answers the problem may not touch other organisations' appeals directly; the answer
    // reaching them is part of answering the problem.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      problems.answer(number, answer, solved);
      return null;
    });
  }
}
