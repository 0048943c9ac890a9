package ru.cur.appeals.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.cur.appeals.DecisionModel;
import ru.cur.appeals.DecisionModel.Evaluation;

class AnswerApprovalDecisionTest {

  private static final String APPROVAL = "answer-approval";

  private static DecisionModel decisions;

  @BeforeAll
  static void loadDecision() {
    decisions = DecisionModel.load("decisions/answer-approval.dmn");
  }

  @ParameterizedTest(name = "59-ФЗ appeal from {0} with an {1} answer → approval [Rule_Fz59]")
  @CsvSource({
      "OFFICIAL,  INFORM", "OFFICIAL,  EXPLAIN", "OFFICIAL,  FAST_TRACK",
      "GOVERNOR,  INFORM", "GOVERNOR,  EXPLAIN", "GOVERNOR,  FAST_TRACK",
      "MUNICIPAL, INFORM", "MUNICIPAL, EXPLAIN", "MUNICIPAL, FAST_TRACK"})
  void headSignsEveryAnswerUnderFz59(String channel, String responseType) {
    Evaluation approval = decide(channel, "FZ59", responseType);

    assertThat(approval.firedRule(APPROVAL)).isEqualTo("Rule_Fz59");
    assertThat(approval.result().<Boolean>getSingleEntry()).isTrue();
  }

  @ParameterizedTest(name = "{1} appeal from {0} with an EXPLAIN answer → approval [Rule_Explain]")
  @CsvSource({"SOCIAL, INCIDENT", "POS, PLATFORM", "OPEN311, PLATFORM"})
  void headApprovesEveryExplanation(String channel, String regime) {
    Evaluation approval = decide(channel, regime, "EXPLAIN");

    assertThat(approval.firedRule(APPROVAL)).isEqualTo("Rule_Explain");
    assertThat(approval.result().<Boolean>getSingleEntry()).isTrue();
  }

  @ParameterizedTest(name = "{1} appeal from {0} with an {2} answer → no approval [Rule_ExecutorAnswers]")
  @CsvSource({
      "SOCIAL,  INCIDENT, INFORM", "SOCIAL,  INCIDENT, FAST_TRACK",
      "POS,     PLATFORM, INFORM", "POS,     PLATFORM, FAST_TRACK",
      "OPEN311, PLATFORM, INFORM", "OPEN311, PLATFORM, FAST_TRACK"})
  void executorPublishesInformationAndFastTrackAnswersOutsideFz59(String channel, String regime,
      String responseType) {
    Evaluation approval = decide(channel, regime, responseType);

    assertThat(approval.firedRule(APPROVAL)).isEqualTo("Rule_ExecutorAnswers");
    assertThat(approval.result().<Boolean>getSingleEntry()).isFalse();
  }

  @Test
  void everyRowHasItsOwnTest() {
    assertThat(decisions.ruleIds(APPROVAL)).containsExactly("Rule_Fz59", "Rule_Explain", "Rule_ExecutorAnswers");
  }

  @Test
  void decisionKeepsItsHistoryForFiveYears() {
    assertThat(decisions.decisions()).singleElement()
        .satisfies(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D"));
  }

  private static Evaluation decide(String channel, String regime, String responseType) {
    return decisions.evaluate(APPROVAL, Map.of("channel", channel, "regime", regime, "responseType", responseType));
  }
}
