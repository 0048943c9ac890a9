package ru.cur.appeals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

/**
 * Every path of «Рассмотрение обращения гражданина» on a plain engine with the real routing and
 * approval tables. Delegates are recorders: what they do to the appeal's row is covered by the
 * integration scenarios; here it matters which of them run, in which order and with which
 * outcome, and who gets each task. The build fails below 90% flow-node and sequence-flow coverage.
 */
@Deployment(resources = {"processes/citizen-appeal.bpmn", "decisions/appeal-routing.dmn",
    "decisions/answer-approval.dmn"})
class CitizenAppealProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      // Not camunda.cfg.xml: ProcessEngines would also pick that up in the Spring Boot tests and give the
      // REST API a second, empty engine.
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(0.9)
      .build();

  private final List<String> steps = new ArrayList<>();
  private final List<Map<String, Object>> closings = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerAppeal", recorder("registerAppeal"));
    Mocks.register("assignOrganization", (JavaDelegate) execution -> {
      steps.add("assignOrganization");
      @SuppressWarnings("unchecked")
      Map<String, Object> routing = (Map<String, Object>) execution.getVariable("routing");
      execution.setVariable("organization", routing.get("organization"));
      execution.setVariable("responseType", routing.get("responseType"));
    });
    Mocks.register("publishAnswer", recorder("publishAnswer"));
    Mocks.register("closeAppeal", (JavaDelegate) execution -> {
      steps.add("closeAppeal");
      closings.add(closing(execution));
    });
    Mocks.register("appealCard", (TaskListener) task -> steps.add("appealCard:" + task.getTaskDefinitionKey()));
    Mocks.register("moderationCheck", (TaskListener) task -> steps.add("moderationCheck"));
    Mocks.register("answerCheck", (TaskListener) task -> steps.add("answerCheck:" + task.getTaskDefinitionKey()));
  }

  @AfterEach
  void forgetDelegates() {
    Mocks.reset();
  }

  @Test
  void postWithoutSubstanceIsClosedWithoutANotice() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");

    moderate(appeal, "NO_SUBSTANCE");

    assertThat(appeal).hasPassed("Task_CloseNoSubstance").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "NO_SUBSTANCE", null));
  }

  @Test
  void abusivePostIsRejectedSilently() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");

    moderate(appeal, "ABUSIVE");

    assertThat(appeal).hasPassed("Task_CloseAbusive").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "ABUSIVE", ""));
  }

  @Test
  void abusiveFz59AppealIsRejectedWithANoticeAsTheLawRequires() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", null, null);

    moderate(appeal, "ABUSIVE");

    assertThat(appeal).hasPassed("Task_CloseAbusive").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "ABUSIVE", "REJECTED"));
  }

  @Test
  void duplicateIsClosedAndTheResidentToldWhichAppealHoldsIt() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "roads.potholes", "berdsk");

    moderate(appeal, "DUPLICATE", "duplicateOf", "ЦУР-2026-000001");

    assertThat(appeal).hasPassed("Task_CloseDuplicate").isEnded();
    assertThat(closings).containsExactly(closingWith("DUPLICATE", "DUPLICATE", "DUPLICATE"));
  }

  @Test
  void outOfCompetenceIsForwardedAndTheResidentTold() {
    ProcessInstance appeal = receive("POS", "PLATFORM", null, null);

    moderate(appeal, "OUT_OF_COMPETENCE", "forwardTo", "Прокуратура Новосибирской области");

    assertThat(appeal).hasPassed("Task_Forward").isEnded();
    assertThat(closings).containsExactly(closingWith("FORWARDED", "OUT_OF_COMPETENCE", "FORWARDED"));
  }

  @Test
  void acceptedPotholeGoesToTheMunicipalityAndIsAnsweredWithoutApproval() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");

    moderate(appeal, "ACCEPT");

    assertThat(appeal).isWaitingAt("prepare-answer").hasPassed("Task_RouteAppeal", "Task_AssignOrganization");
    assertThat(task(appeal)).hasCandidateGroup("berdsk-administration");
    String responseType = (String) runtimeService().getVariable(appeal.getId(), "responseType");
    assertThat(runtimeService().getVariable(appeal.getId(), "routing")).isNotNull();

    complete(task(appeal), withVariables("answerText", "Яму на ул. Ленина заделают до 1 июня."));

    assertThat(appeal).hasPassed("Task_DecideApproval", "Task_PublishAnswer", "Event_AppealClosed")
        .hasNotPassed("approve-answer").isEnded();
    assertThat(responseType).isNotEqualTo("EXPLAIN");
    assertThat(closings).containsExactly(closingWith(outcomeOf(responseType), null, null));
    assertThat(steps).containsExactly("registerAppeal", "appealCard:moderate-appeal", "moderationCheck",
        "assignOrganization", "appealCard:prepare-answer", "answerCheck:prepare-answer", "publishAnswer",
        "closeAppeal");
  }

  @Test
  void fz59AnswerReturnedByTheHeadIsReworkedThenApprovedAndPublished() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", "healthcare.appointment", "berdsk");
    moderate(appeal, "ACCEPT");
    String organization = (String) runtimeService().getVariable(appeal.getId(), "organization");
    assertThat(task(appeal)).hasDefinitionKey("prepare-answer").hasCandidateGroup(organization);

    complete(task(appeal), withVariables("answerText", "Запись к терапевту открыта."));

    assertThat(appeal).isWaitingAt("approve-answer");
    assertThat(task(appeal)).hasCandidateGroup(organization + "-heads");

    complete(task(appeal), withVariables("approved", false, "comment", "Укажите дату и время приёма."));

    assertThat(appeal).isWaitingAt("prepare-answer").hasPassed("Gateway_Approved").hasNotPassed("Task_PublishAnswer");
    assertThat(task(appeal)).hasCandidateGroup(organization);

    complete(task(appeal), withVariables("answerText", "Вы записаны к терапевту на 3 июня в 10:00."));
    complete(task(appeal), withVariables("approved", true));

    assertThat(appeal).hasPassed("Task_PublishAnswer", "Event_AppealClosed").isEnded();
    assertThat(closings).hasSize(1);
    assertThat(steps).containsSubsequence("appealCard:approve-answer", "answerCheck:approve-answer",
        "appealCard:prepare-answer", "answerCheck:prepare-answer", "appealCard:approve-answer",
        "answerCheck:approve-answer", "publishAnswer", "closeAppeal");
  }

  @Test
  void explanationOutsideFz59NeedsTheHeadToo() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "social.care", "novosibirsk");
    moderate(appeal, "ACCEPT");
    assertThat(runtimeService().getVariable(appeal.getId(), "responseType")).isEqualTo("EXPLAIN");

    complete(task(appeal), withVariables("answerText", "Порядок назначения пособия такой: …"));
    assertThat(appeal).isWaitingAt("approve-answer");
    complete(task(appeal), withVariables("approved", true));

    assertThat(appeal).isEnded();
    assertThat(closings).containsExactly(closingWith("EXPLAINED", null, null));
  }

  @Test
  void residentWithdrawsDuringModeration() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "roads.potholes", "berdsk");
    assertThat(appeal).isWaitingAt("moderate-appeal");

    withdraw(appeal);

    assertThat(appeal).hasPassed("Task_CloseWithdrawn", "Event_Withdrawn").hasNotPassed("Gateway_ModerationOutcome")
        .isEnded();
    assertThat(closings).containsExactly(closingWith("WITHDRAWN", "WITHDRAWN", "WITHDRAWN"));
  }

  @Test
  void residentWithdrawsWhileTheHeadApproves() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");
    complete(task(appeal), withVariables("answerText", "Ремонт запланирован."));
    assertThat(appeal).isWaitingAt("approve-answer");

    withdraw(appeal);

    assertThat(appeal).hasPassed("Task_CloseWithdrawn").hasNotPassed("Task_PublishAnswer").isEnded();
    assertThat(steps).doesNotContain("publishAnswer");
    assertThat(closings).containsExactly(closingWith("WITHDRAWN", "WITHDRAWN", "WITHDRAWN"));
  }

  private ProcessInstance receive(String channel, String regime, String category, String territory) {
    ProcessInstance appeal = runtimeService().startProcessInstanceByKey("citizen-appeal", "ЦУР-2026-000042",
        Variables.createVariables()
            .putValue("appealId", "ЦУР-2026-000042")
            .putValue("channel", channel)
            .putValue("regime", regime)
            .putValue("category", category)
            .putValue("territory", territory));
    assertThat(appeal).isWaitingAt("moderate-appeal");
    assertThat(task(appeal)).hasCandidateGroup("moderators");
    return appeal;
  }

  private void moderate(ProcessInstance appeal, String moderation, Object... more) {
    complete(task(appeal), withVariables("moderation", moderation, more));
  }

  private static void withdraw(ProcessInstance appeal) {
    runtimeService().createMessageCorrelation("AppealWithdrawn")
        .processInstanceBusinessKey(appeal.getBusinessKey())
        .correlate();
  }

  private JavaDelegate recorder(String name) {
    return execution -> steps.add(name);
  }

  private static Map<String, Object> closing(DelegateExecution execution) {
    Map<String, Object> closing = new HashMap<>();
    closing.put("outcome", execution.getVariableLocal("outcome"));
    closing.put("closingReason", execution.getVariableLocal("closingReason"));
    closing.put("notice", execution.getVariableLocal("notice"));
    return closing;
  }

  private static Map<String, Object> closingWith(String outcome, String reason, String notice) {
    Map<String, Object> closing = new HashMap<>();
    closing.put("outcome", outcome);
    closing.put("closingReason", reason);
    closing.put("notice", notice);
    return closing;
  }

  private static String outcomeOf(String responseType) {
    return switch (responseType) {
      case "INFORM" -> "INFORMED";
      case "EXPLAIN" -> "EXPLAINED";
      default -> "ANSWERED";
    };
  }
}
