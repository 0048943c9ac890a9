package ru.cur.appeals.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * «Связать с проблемой»: the moderator linked the accepted appeal to an open problem, or opened a new one
 * from it; the appeal then waits for the problem's answer ({@code problemNumber}).
 */
@Component("joinProblem")
class JoinProblem implements JavaDelegate {

  private final AppealRepository appeals;
  private final Problems problems;

  JoinProblem(AppealRepository appeals, Problems problems) {
    this.appeals = appeals;
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object choice = execution.getVariable(AppealProcess.PROBLEM);
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    Problem problem;
    if (AppealProcess.NEW_PROBLEM.equals(choice)) {
      problem = problems.open(appeal);
    } else {
      // Checked open at moderation; a problem answered since then is a race that Cockpit shows.
      problem = problems.find(choice.toString()).filter(p -> p.status() == Problem.Status.OPEN).orElseThrow(() ->
          new IllegalStateException("problem " + choice + " is not open"));
      problems.link(appeal, problem);
    }
    execution.setVariable(AppealProcess.PROBLEM_NUMBER, problem.number());
  }
}
