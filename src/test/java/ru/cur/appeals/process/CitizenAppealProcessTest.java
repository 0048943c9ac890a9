package ru.cur.appeals.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ru.cur.appeals.appeal.CloseAppeal;
import ru.cur.appeals.delegation.DelegationChain;
import ru.cur.appeals.regulation.Step;

/**
 * Every path of «Рассмотрение обращения гражданина» on a plain engine with the real routing and
 * approval tables. Delegates are recorders: what they do to the appeal's row is covered by the
 * integration scenarios; here it matters which of them run, in which order and with which
 * outcome, and who gets each task. Deadlines are fixed offsets from the engine clock (the real terms
 * come from DMN appeal-regulation and the production calendar, tested on their own); the clock is moved,
 * never waited for. The build fails below 90% flow-node and sequence-flow coverage.
 */
@Deployment(resources = {"processes/citizen-appeal.bpmn", "decisions/appeal-routing.dmn",
    "decisions/answer-approval.dmn", "decisions/appeal-delegation.dmn"})
class CitizenAppealProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      // Not camunda.cfg.xml: ProcessEngines would also pick that up in the Spring Boot tests and give the
      // REST API a second, empty engine.
      .configurationResource("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(0.9)
      .build();

  private static final Instant RECEIVED = Instant.parse("2026-11-23T03:00:00Z");
  /** Term and reminder point of each step, from the start of the step. */
  private static final Map<String, Duration[]> TERMS = Map.of(
      "moderation", new Duration[] {Duration.ofHours(8), Duration.ofHours(6)},
      "answer", new Duration[] {Duration.ofDays(5), Duration.ofDays(4)},
      "firstReply", new Duration[] {Duration.ofHours(4), Duration.ofHours(3)});

  private final List<String> steps = new ArrayList<>();
  private final List<Map<String, Object>> closings = new ArrayList<>();

  @BeforeEach
  void startTheClock() {
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerAppeal", recorder("registerAppeal"));
    RegulationRecorder regulation = new RegulationRecorder(steps);
    Mocks.register("scheduleDeadlines", regulation);
    Mocks.register("deadline", new DeadlineRecorder(steps));
    Mocks.register("remindOfDeadline", regulation);
    Mocks.register("recordBreach", (JavaDelegate) execution -> {
      steps.add("breach:" + execution.getVariable("overdueStep"));
      execution.setVariableLocal("overdueDueDate", ClockUtil.now());
    });
    Mocks.register("extendAnswerDeadline", (JavaDelegate) execution -> {
      steps.add("extend:" + execution.getVariable("extensionDays"));
      Date due = (Date) execution.getVariable("answerDue");
      execution.setVariable("answerDue", Date.from(due.toInstant().plus(Duration.ofDays(
          ((Number) execution.getVariable("extensionDays")).longValue()))));
    });
    Mocks.register("extensionCheck", (TaskListener) task -> {
      if ("approve-extension".equals(task.getTaskDefinitionKey())) {
        task.setVariable("extensionRequested", false);
      } else {
        task.setVariable("extensionRequested", Boolean.TRUE.equals(task.getVariable("extensionRequested")));
      }
    });
    Mocks.register("publishFirstReply", recorder("publishFirstReply"));
    Mocks.register("assignOrganization", (JavaDelegate) execution -> {
      steps.add("assignOrganization");
      @SuppressWarnings("unchecked")
      Map<String, Object> routing = (Map<String, Object>) execution.getVariable("routing");
      execution.setVariable("organization", routing.get("organization"));
      execution.setVariable("organizationKind", kindOf((String) routing.get("organization")));
      execution.setVariable("responseType", routing.get("responseType"));
      execution.setVariable("delegationLevel", 1);
    });
    Mocks.register("delegationChain", new DelegationChain());
    Mocks.register("joinProblem", (JavaDelegate) execution -> {
      Object problem = execution.getVariable("problem");
      steps.add("joinProblem:" + problem);
      execution.setVariable("problemNumber", "NEW".equals(problem) ? "ПРБ-2026-000001" : problem);
    });
    Mocks.register("requestConfirmation", (JavaDelegate) execution -> {
      steps.add("requestConfirmation:" + execution.getVariable("organization"));
      execution.setVariable("confirmationDue", Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(5))));
    });
    Mocks.register("delegateToNextLevel", (JavaDelegate) execution -> {
      String next = new DelegationChain().nextLevel(execution);
      steps.add("delegateTo:" + next);
      execution.setVariable("organization", next);
      execution.setVariable("delegationLevel", ((Number) execution.getVariable("delegationLevel")).intValue() + 1);
      List.of("answerText", "approved", "comment", "problemSolved", "resolved", "residentComment")
          .forEach(execution::removeVariable);
    });
    Mocks.register("publishAnswer", recorder("publishAnswer"));
    Mocks.register("closeAppeal", new ClosingRecorder((execution, closing) -> {
      steps.add("closeAppeal");
      closings.add(closingWith(closing.getOutcome(), closing.getReason(), closing.getNotice()));
    }));
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
  void fz59AppealWithoutSubstanceGetsTheArticle11Notice() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", null, null);

    moderate(appeal, "NO_SUBSTANCE");

    assertThat(appeal).hasPassed("Task_CloseNoSubstance").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "NO_SUBSTANCE", "REJECTED"));
  }

  @Test
  void abusivePostIsRejectedSilently() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");

    moderate(appeal, "ABUSIVE");

    assertThat(appeal).hasPassed("Task_CloseAbusive").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "ABUSIVE", null));
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
  void repeatedFz59QuestionWithoutNewArgumentsEndsTheCorrespondence() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", "healthcare.appointment", "berdsk");

    moderate(appeal, "REPEATED");

    assertThat(appeal).hasPassed("Task_CloseRepeated", "Event_ClosedRepeated").isEnded();
    assertThat(closings).containsExactly(closingWith("REJECTED", "REPEATED", "REJECTED"));
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

    assertThat(appeal).isWaitingAt("prepare-answer", "first-reply")
        .hasPassed("Task_RouteAppeal", "Task_AssignOrganization", "Task_ScheduleAnswer");
    assertThat(task("prepare-answer", appeal)).hasCandidateGroup("berdsk-administration")
        .hasDueDate(Date.from(RECEIVED.plus(Duration.ofDays(5))));
    assertThat(task("first-reply", appeal)).hasCandidateGroup("moderators")
        .hasDueDate(Date.from(RECEIVED.plus(Duration.ofHours(4))));
    String responseType = (String) runtimeService().getVariable(appeal.getId(), "responseType");

    complete(task("first-reply", appeal), withVariables("firstReplyText", "Передали в администрацию Бердска."));
    complete(task("prepare-answer", appeal), withVariables("answerText", "Яму на ул. Ленина заделали 20 мая."));

    // Roads have a delegation chain: the resident confirms that the city solved it.
    assertThat(appeal).hasPassed("Task_PublishFirstReply", "Task_DecideApproval", "Task_PublishAnswer")
        .hasNotPassed("approve-answer").isWaitingAt("Gateway_AwaitConfirmation");
    residentAnswers(appeal, true, null);

    assertThat(appeal).hasPassed("Task_CloseResolved", "Event_ClosedResolved").isEnded();
    assertThat(responseType).isNotEqualTo("EXPLAIN");
    assertThat(closings).containsExactly(closingWith("RESOLVED", null, null));
    assertThat(steps).containsExactly("registerAppeal", "schedule:MODERATION,ANSWER",
        "moderationCheck", "met:MODERATION", "assignOrganization", "schedule:ANSWER,RESOLUTION,FIRST_REPLY",
        "answerCheck:first-reply", "met:FIRST_REPLY",
        "publishFirstReply", "answerCheck:prepare-answer", "met:ANSWER", "publishAnswer",
        "requestConfirmation:berdsk-administration", "closeAppeal");
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

    assertThat(appeal).hasPassed("Task_PublishAnswer", "Task_RequestConfirmation");
    residentAnswers(appeal, true, "Записали, спасибо");
    assertThat(appeal).hasPassed("Event_ClosedResolved").isEnded();
    assertThat(closings).hasSize(1);
    assertThat(steps).containsSubsequence("answerCheck:approve-answer", "answerCheck:prepare-answer",
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

  @Test
  void moderatorsAreRemindedBeforeTheDeadlineAndSupervisorsControlItOnceMissed() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");
    assertThat(task(appeal)).hasDueDate(Date.from(RECEIVED.plus(Duration.ofHours(8))));
    assertThat(task(appeal).getFollowUpDate()).isEqualTo(Date.from(RECEIVED.plus(Duration.ofHours(6))));

    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofHours(6)));

    assertThat(steps).contains("remind:MODERATION").doesNotContain("breach:MODERATION");
    assertThat(taskQuery().taskDefinitionKey("control-overdue").count()).isZero();

    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofHours(8)).plusSeconds(1));

    assertThat(steps).containsSubsequence("remind:MODERATION", "breach:MODERATION");
    assertThat(appeal).isWaitingAt("moderate-appeal", "control-overdue");
    assertThat(task("control-overdue", appeal)).hasCandidateGroup("supervisors")
        .hasDueDate(Date.from(RECEIVED.plus(Duration.ofHours(8)).plusSeconds(1)));

    complete(task("moderate-appeal", appeal), withVariables("moderation", "NO_SUBSTANCE"));
    assertThat(appeal).isNotEnded();
    complete(task("control-overdue", appeal), withVariables("controlNote", "Модератору сделано замечание"));
    assertThat(appeal).isEnded();
  }

  @Test
  void missedAnswerDeadlineReachesSupervisorsWhileTheExecutorKeepsTheWork() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");
    assertThat(task(appeal)).hasDueDate(Date.from(RECEIVED.plus(Duration.ofDays(5))));

    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofDays(5)).plusSeconds(1));

    assertThat(steps).containsSubsequence("remind:ANSWER", "breach:ANSWER");
    assertThat(appeal).isWaitingAt("prepare-answer", "control-overdue");
    complete(task("prepare-answer", appeal), withVariables("answerText", "Яму заделали."));
    assertThat(steps).contains("publishAnswer");
    complete(task("control-overdue", appeal), withVariables("controlNote", "Исполнитель предупреждён"));
    residentAnswers(appeal, true, null);
    assertThat(appeal).isEnded();
  }

  @Test
  void incidentFirstReplyHasItsOwnDeadline() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");

    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofHours(4)).plusSeconds(1));

    assertThat(steps).containsSubsequence("remind:FIRST_REPLY", "breach:FIRST_REPLY")
        .doesNotContain("breach:ANSWER");
    assertThat(appeal).isWaitingAt("prepare-answer", "first-reply", "control-overdue");
  }

  @Test
  void answerReadyBeforeTheFirstReplyMakesTheFirstReplyUnnecessary() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");

    complete(task("prepare-answer", appeal), withVariables("answerText", "Яму заделали сегодня утром."));

    assertThat(appeal).hasPassed("Event_AnswerReady", "Task_PublishAnswer").hasNotPassed("Task_PublishFirstReply")
        .isWaitingAt("Gateway_AwaitConfirmation");
    assertThat(steps).contains("met:ANSWER").doesNotContain("met:FIRST_REPLY", "publishFirstReply");
  }

  @Test
  void polyclinicFirstThenTheMinistryWhenTheResidentSaysItIsNotSolved() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "healthcare.appointment", "berdsk");
    moderate(appeal, "ACCEPT");
    assertThat(task(appeal)).hasCandidateGroup("berdsk-polyclinic");
    complete(task(appeal), withVariables("answerText", "Вас записали на 3 июня.", "problemSolved", true));

    residentAnswers(appeal, false, "Запись отменили в тот же день");

    assertThat(appeal).hasPassed("Gateway_NextLevelExists", "Task_DelegateToNextLevel").isWaitingAt("prepare-answer");
    assertThat(task(appeal)).hasCandidateGroup("minzdrav-nso");
    assertThat(runtimeService().getVariable(appeal.getId(), "delegationLevel")).isEqualTo(2);
    assertThat(runtimeService().getVariable(appeal.getId(), "answerText")).isNull();

    complete(task(appeal), withVariables("answerText", "Министерство взяло запись на контроль.", "problemSolved", true));
    residentAnswers(appeal, true, null);

    assertThat(appeal).hasPassed("Event_ClosedResolved").isEnded();
    assertThat(steps).containsSubsequence("requestConfirmation:berdsk-polyclinic", "delegateTo:minzdrav-nso",
        "requestConfirmation:minzdrav-nso", "closeAppeal");
    assertThat(closings).containsExactly(closingWith("RESOLVED", null, null));
  }

  @Test
  void residentsSilencePastTheWindowCountsAsNotConfirmed() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "healthcare.appointment", "berdsk");
    moderate(appeal, "ACCEPT");
    complete(task(appeal), withVariables("answerText", "Вас записали на 3 июня.", "problemSolved", true));

    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofDays(5)).plusSeconds(1));

    assertThat(appeal).hasPassed("Event_ConfirmationWindowOver", "Task_DelegateToNextLevel")
        .isWaitingAt("prepare-answer");
    assertThat(task(appeal)).hasCandidateGroup("minzdrav-nso");
  }

  @Test
  void organisationThatCannotSolveItHandsItUpWithoutAskingTheResident() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "healthcare.appointment", "berdsk");
    moderate(appeal, "ACCEPT");

    complete(task(appeal), withVariables("answerText", "Терапевта нет, решить не можем.", "problemSolved", false));

    assertThat(appeal).hasNotPassed("Task_RequestConfirmation").hasPassed("Task_DelegateToNextLevel")
        .isWaitingAt("prepare-answer");
    assertThat(task(appeal)).hasCandidateGroup("minzdrav-nso");
  }

  @Test
  void heatingClimbsThreeLevelsAndClosesNotConfirmedAtTheTop() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "housing.heating", "berdsk");
    moderate(appeal, "ACCEPT");
    assertThat(task(appeal)).hasCandidateGroup("berdsk-administration");

    for (String nextLevel : List.of("minzhkh-nso", "nso-government")) {
      complete(task(appeal), withVariables("answerText", "Отопление дали.", "problemSolved", true));
      residentAnswers(appeal, false, "Батареи холодные");
      assertThat(task(appeal)).hasCandidateGroup(nextLevel);
    }
    complete(task(appeal), withVariables("answerText", "Правительство поручило проверку.", "problemSolved", true));
    residentAnswers(appeal, false, "По-прежнему холодно");

    assertThat(appeal).hasPassed("Task_CloseNotConfirmed").hasNotPassed("Task_CloseResolved").isEnded();
    assertThat(closings).containsExactly(closingWith(outcomeOf(
        (String) historyVariable(appeal, "responseType")), "NOT_CONFIRMED", null));
  }

  @Test
  void appealOfAProblemWaitsForTheProblemsAnswerAndPublishesIt() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "landscaping.yards", "berdsk");

    moderate(appeal, "ACCEPT", "problem", "ПРБ-2026-000007");

    assertThat(appeal).hasPassed("Gateway_ProblemChosen", "Task_JoinProblem", "Gateway_SolvedAsProblem")
        .isWaitingAt("Event_ProblemAnswered");
    assertThat(taskQuery().processInstanceId(appeal.getId()).count()).isZero();

    // Waiting for the problem does not stop the appeal's own clock.
    runTimersDueAt(appeal, RECEIVED.plus(Duration.ofDays(5)).plusSeconds(1));
    assertThat(steps).containsSubsequence("remind:ANSWER", "breach:ANSWER");
    assertThat(task("control-overdue", appeal)).hasCandidateGroup("supervisors");
    runtimeService().createMessageCorrelation("ProblemAnswered").processInstanceId(appeal.getId())
        .setVariable("answerText", "Двор расчистят до пятницы").setVariable("problemSolved", true).correlate();

    assertThat(appeal).hasPassed("Event_ProblemAnswered", "Gateway_AnswerReadyJoin", "Task_PublishAnswer")
        .hasNotPassed("prepare-answer").isNotEnded();
    assertThat(steps).contains("joinProblem:ПРБ-2026-000007", "publishAnswer");
  }

  @Test
  void platformMessageGetsNoFirstReplyTask() {
    ProcessInstance appeal = receive("POS", "PLATFORM", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");

    assertThat(appeal).isWaitingAt("prepare-answer").hasPassed("Event_NoFirstReply");
  }

  @Test
  void headApprovesAnExtensionAndTheExecutorAnswersByTheNewDeadline() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");
    String organization = (String) runtimeService().getVariable(appeal.getId(), "organization");

    complete(task(appeal), withVariables("extensionRequested", true, "extensionDays", 20,
        "extensionReason", "Нужен выезд на место"));

    assertThat(appeal).isWaitingAt("approve-extension");
    assertThat(task(appeal)).hasCandidateGroup(organization + "-heads");

    complete(task(appeal), withVariables("extensionApproved", true));

    assertThat(steps).contains("extend:20");
    assertThat(appeal).isWaitingAt("prepare-answer").hasPassed("Task_ExtendAnswerDeadline");
    assertThat(task(appeal)).hasDueDate(Date.from(RECEIVED.plus(Duration.ofDays(25))));
    assertThat(steps).doesNotContain("publishAnswer");
  }

  @Test
  void refusedExtensionReturnsTheTaskWithTheOldDeadline() {
    ProcessInstance appeal = receive("OFFICIAL", "FZ59", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");
    complete(task(appeal), withVariables("extensionRequested", true, "extensionDays", 10,
        "extensionReason", "Много обращений"));

    complete(task(appeal), withVariables("extensionApproved", false, "extensionComment", "Причина не уважительная"));

    assertThat(appeal).isWaitingAt("prepare-answer").hasNotPassed("Task_ExtendAnswerDeadline");
    assertThat(task(appeal)).hasDueDate(Date.from(RECEIVED.plus(Duration.ofDays(5))));
    assertThat(steps).noneMatch(step -> step.startsWith("extend:"));
  }

  @Test
  void withdrawalCancelsEveryPendingTimer() {
    ProcessInstance appeal = receive("SOCIAL", "INCIDENT", "roads.potholes", "berdsk");
    moderate(appeal, "ACCEPT");
    assertThat(managementService().createJobQuery().processInstanceId(appeal.getId()).timers().count())
        .isEqualTo(4);

    withdraw(appeal);

    assertThat(appeal).isEnded();
    assertThat(managementService().createJobQuery().processInstanceId(appeal.getId()).count()).isZero();
    assertThat(steps).doesNotContain("met:ANSWER", "met:FIRST_REPLY");
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

  /** Moves the engine clock and runs the timers due by then, as the job executor would. */
  private static void runTimersDueAt(ProcessInstance appeal, Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    List<Job> due;
    while (!(due = managementService().createJobQuery().processInstanceId(appeal.getId()).executable().list()).isEmpty()) {
      due.forEach(job -> execute(job));
    }
  }

  private static String kindOf(String organization) {
    if (organization.endsWith("polyclinic")) {
      return "POLYCLINIC";
    }
    return organization.endsWith("administration") || organization.endsWith("mayoralty")
        ? "MUNICIPAL_ADMINISTRATION" : "REGIONAL_MINISTRY";
  }

  private static Object historyVariable(ProcessInstance appeal, String name) {
    return historyService()
        .createHistoricVariableInstanceQuery().processInstanceId(appeal.getId()).variableName(name)
        .singleResult().getValue();
  }

  private static void residentAnswers(ProcessInstance appeal, boolean resolved, String comment) {
    runtimeService().createMessageCorrelation("ResidentConfirmation").processInstanceId(appeal.getId())
        .setVariable("resolved", resolved).setVariable("residentComment", comment).correlate();
  }

  private JavaDelegate recorder(String name) {
    return execution -> steps.add(name);
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

  /**
   * Stands in for the {@code scheduleDeadlines} and {@code remindOfDeadline} beans: the steps the model starts, with
   * dates for their timers, and the reminders it sends.
   */
  public static final class RegulationRecorder {

    private final List<String> steps;

    RegulationRecorder(List<String> steps) {
      this.steps = steps;
    }

    public void start(DelegateExecution execution, String scheduled) {
      steps.add("schedule:" + scheduled);
      for (String step : scheduled.split(",")) {
        String variable = switch (step) {
          case "MODERATION" -> "moderation";
          case "FIRST_REPLY" -> "firstReply";
          case "ANSWER" -> "answer";
          default -> null;
        };
        if (variable != null && (!"firstReply".equals(variable) || "INCIDENT".equals(execution.getVariable("regime")))) {
          Instant now = ClockUtil.now().toInstant();
          execution.setVariable(variable + "Due", Date.from(now.plus(TERMS.get(variable)[0])));
          execution.setVariable(variable + "Reminder", Date.from(now.plus(TERMS.get(variable)[1])));
        }
      }
    }

    public void remind(DelegateExecution execution, String step) {
      steps.add("remind:" + step);
    }
  }

  /** Stands in for the {@code closeAppeal} bean: the closings the model orders, built by the bean's own call. */
  public static final class ClosingRecorder {

    private final CloseAppeal.Closer closer;

    ClosingRecorder(CloseAppeal.Closer closer) {
      this.closer = closer;
    }

    public CloseAppeal.Order outcome(String outcome) {
      return CloseAppeal.order(outcome, closer);
    }
  }

  /** Stands in for the {@code deadline} bean the model's end listeners call. */
  public static final class DeadlineRecorder {

    private final List<String> steps;

    DeadlineRecorder(List<String> steps) {
      this.steps = steps;
    }

    public void met(DelegateExecution execution, String step) {
      if (!execution.isCanceled()) {
        steps.add("met:" + step);
      }
    }

    /** The dates the scheduling mocks above gave the process. */
    public Date due(DelegateExecution execution, String step) {
      return (Date) execution.getVariable(Step.valueOf(step).dueVariable());
    }

    public Date reminder(DelegateExecution execution, String step) {
      return (Date) execution.getVariable(Step.valueOf(step).reminderVariable());
    }
  }
}
