package ru.cur.appeals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** «Решение проблемы по многим обращениям»: the organisation answers once, every appeal gets the answer. */
@Deployment(resources = "processes/appeal-problem.bpmn")
class AppealProblemProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register("problemCard", (TaskListener) task -> steps.add("problemCard"));
    Mocks.register("answerCheck", (TaskListener) task -> steps.add("answerCheck"));
    Mocks.register("answerProblem", (JavaDelegate) execution -> steps.add("answerProblem:" + execution.getVariable("answerText")));
  }

  @AfterEach
  void forgetDelegates() {
    Mocks.reset();
  }

  @Test
  void theOrganisationAnswersOnceForEveryAppealOfTheProblem() {
    ProcessInstance problem = runtimeService().startProcessInstanceByKey("appeal-problem", "ПРБ-2026-000001",
        Variables.createVariables().putValue("problemNumber", "ПРБ-2026-000001")
            .putValue("organization", "berdsk-administration"));

    assertThat(problem).isWaitingAt("prepare-problem-answer");
    assertThat(task(problem)).hasCandidateGroup("berdsk-administration");
    complete(task(problem), withVariables("answerText", "Улицу Ленина расчистят сегодня к 18:00", "problemSolved", true));

    assertThat(problem).hasPassed("Task_AnswerAppeals").isEnded();
    assertThat(steps).containsExactly("problemCard", "answerCheck", "answerProblem:Улицу Ленина расчистят сегодня к 18:00");
  }
}
