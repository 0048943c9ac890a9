package ru.cur.appeals.problem;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.MarkdownText;

/** Shows the problem in its task's form: what, where, and every appeal waiting for its answer. */
@Component("problemCard")
class ProblemCard implements TaskListener {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final int EXCERPT = 300;

  private final Problems problems;
  private final ReferenceData referenceData;
  private final ObjectMapper json;
  private final Clock clock;

  ProblemCard(Problems problems, ReferenceData referenceData, ObjectMapper json, Clock clock) {
    this.problems = problems;
    this.referenceData = referenceData;
    this.json = json;
    this.clock = clock;
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
            + appeal.receivedAt().atZoneSameInstant(clock.getZone()).format(SHOWN) + "): "
            + MarkdownText.escape(excerpt(appeal.text())))
        .collect(Collectors.joining("\n"));
    try {
      task.setVariableLocal("problemAppeals", SpinValues.jsonValue(json.writeValueAsString(appeals)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the problem's appeals", e);
    }
  }

  private static String excerpt(String text) {
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
  }
}
