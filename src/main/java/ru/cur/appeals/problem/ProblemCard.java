package ru.cur.appeals.problem;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.FormJson;
import ru.cur.appeals.system.MarkdownText;
import ru.cur.appeals.system.RegionTime;

/** Shows the problem in its task's form: what, where, and every appeal waiting for its answer. */
@Component("problemCard")
class ProblemCard implements TaskListener {

  private static final int EXCERPT = 300;

  private final Problems problems;
  private final ReferenceData referenceData;
  private final FormJson json;
  private final RegionTime time;

  ProblemCard(Problems problems, ReferenceData referenceData, FormJson json, RegionTime time) {
    this.problems = problems;
    this.referenceData = referenceData;
    this.json = json;
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    Problem problem = problems.find((String) task.getVariable(AppealProcess.PROBLEM_NUMBER)).orElseThrow();
    task.setVariableLocal("categoryName", referenceData.categoryName(problem.category()));
    task.setVariableLocal("territoryName", referenceData.territoryName(problem.territory()));
    task.setVariableLocal("address", problem.address() == null ? "—" : problem.address());
    task.setVariableLocal("organizationName", referenceData.organizationName(problem.organization()));
    // The list grows while the problem is open; the form shows it as of the task's creation.
    String appeals = problems.appealsOf(problem.number()).stream()
        .map(appeal -> "- **" + appeal.registrationNumber() + "** (" + appeal.channel().title() + ", "
            + time.dateTime(appeal.receivedAt()) + "): "
            + MarkdownText.escape(excerpt(appeal.text())))
        .collect(Collectors.joining("\n"));
    task.setVariableLocal("problemAppeals", json.variable(appeals));
  }

  private static String excerpt(String text) {
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
  }
}
