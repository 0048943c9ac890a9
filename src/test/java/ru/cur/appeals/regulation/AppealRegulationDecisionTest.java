package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.cur.appeals.DecisionModel;
import ru.cur.appeals.DecisionModel.Evaluation;

class AppealRegulationDecisionTest {

  private static final String REGULATION = "appeal-regulation";
  private static final String WORKING_HOURS = "WORKING_HOURS";
  private static final String WORKING_DAYS = "WORKING_DAYS";
  private static final String CALENDAR_DAYS = "CALENDAR_DAYS";

  private static DecisionModel decisions;

  /** The row that fired and the deadline it gives; no reminder is null. */
  record Row(String rule, Integer term, String unit, Integer reminderBefore, String reminderUnit) {
  }

  @BeforeAll
  static void loadDecision() {
    decisions = DecisionModel.load("decisions/appeal-regulation.dmn");
  }

  @Test
  void incidentModerationIsEightWorkingHours() {
    assertThat(deadline("MODERATION", "INCIDENT", "SOCIAL", null, null))
        .isEqualTo(new Row("Rule_IncidentModeration", 8, WORKING_HOURS, 2, WORKING_HOURS));
  }

  @ParameterizedTest(name = "message from {0} → 8 working hours [Rule_PlatformModeration]")
  @ValueSource(strings = {"POS", "OPEN311"})
  void platformModerationIsEightWorkingHours(String channel) {
    assertThat(deadline("MODERATION", "PLATFORM", channel, null, null))
        .isEqualTo(new Row("Rule_PlatformModeration", 8, WORKING_HOURS, 2, WORKING_HOURS));
  }

  @ParameterizedTest(name = "59-ФЗ appeal from {0} → registered in 3 calendar days [Rule_Fz59Registration]")
  @ValueSource(strings = {"OFFICIAL", "GOVERNOR", "MUNICIPAL"})
  void fz59RegistrationIsThreeCalendarDaysFromReceipt(String channel) {
    assertThat(deadline("MODERATION", "FZ59", channel, null, null))
        .isEqualTo(new Row("Rule_Fz59Registration", 3, CALENDAR_DAYS, 1, WORKING_DAYS));
  }

  @Test
  void incidentFirstPublicReplyIsFourWorkingHoursAfterModeration() {
    assertThat(deadline("FIRST_REPLY", "INCIDENT", "SOCIAL", "roads.potholes", null))
        .isEqualTo(new Row("Rule_IncidentFirstReply", 4, WORKING_HOURS, 1, WORKING_HOURS));
  }

  @ParameterizedTest(name = "59-ФЗ appeal from {0} about {1} ({2}) → 30 calendar days [Rule_Fz59Answer]")
  @CsvSource({
      "OFFICIAL,  housing.heating,   FAST_TRACK",
      "GOVERNOR,  landscaping.yards, EXPLAIN",
      "MUNICIPAL, roads.snow,        INFORM",
      "OFFICIAL,  ecology.air,       EXPLAIN"})
  void fz59AnswerIsThirtyCalendarDaysWhateverTheCategory(String channel, String category, String responseType) {
    assertThat(deadline("ANSWER", "FZ59", channel, category, responseType))
        .isEqualTo(new Row("Rule_Fz59Answer", 30, CALENDAR_DAYS, 3, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} from {0} about {2} → 1 working day [Rule_AnswerHeatingWaterSnow]")
  @CsvSource({
      "SOCIAL,  INCIDENT, housing.heating", "SOCIAL,  INCIDENT, housing.water", "SOCIAL, INCIDENT, roads.snow",
      "POS,     PLATFORM, housing.heating", "OPEN311, PLATFORM, roads.snow"})
  void answerOnHeatingWaterAndSnowIsOneWorkingDayRemindedFourHoursBefore(String channel, String regime,
      String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_AnswerHeatingWaterSnow", 1, WORKING_DAYS, 4, WORKING_HOURS));
  }

  @ParameterizedTest(name = "{1} from {0} about {2} → 2 working days [Rule_AnswerMedicinesAppointmentGarbage]")
  @CsvSource({
      "SOCIAL, INCIDENT, healthcare.medicines", "SOCIAL, INCIDENT, healthcare.appointment",
      "POS,    PLATFORM, housing.garbage"})
  void answerOnMedicinesAppointmentsAndGarbageIsTwoWorkingDays(String channel, String regime, String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_AnswerMedicinesAppointmentGarbage", 2, WORKING_DAYS, 1, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} from {0} about {2} → 3 working days [Rule_AnswerLightingVaccination]")
  @CsvSource({"SOCIAL, INCIDENT, roads.lighting", "OPEN311, PLATFORM, healthcare.vaccination"})
  void answerOnLightingAndVaccinationIsThreeWorkingDays(String channel, String regime, String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "INFORM"))
        .isEqualTo(new Row("Rule_AnswerLightingVaccination", 3, WORKING_DAYS, 1, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} about {2} → 5 working days [Rule_AnswerPotholesCareTransportEducationSocial]")
  @CsvSource({
      "SOCIAL, INCIDENT, roads.potholes", "POS, PLATFORM, healthcare.quality",
      "SOCIAL, INCIDENT, transport.routes", "OPEN311, PLATFORM, transport.stops",
      "SOCIAL, INCIDENT, education.kindergartens", "POS, PLATFORM, education.schools",
      "SOCIAL, INCIDENT, social.benefits", "POS, PLATFORM, social.care"})
  void answerOnPotholesQualityOfCareTransportEducationAndSocialSupportIsFiveWorkingDays(String channel,
      String regime, String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "EXPLAIN"))
        .isEqualTo(new Row("Rule_AnswerPotholesCareTransportEducationSocial", 5, WORKING_DAYS, 1, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} from {0} about {2} → 10 working days [Rule_AnswerLandscaping]")
  @CsvSource({"SOCIAL, INCIDENT, landscaping.yards", "POS, PLATFORM, landscaping.playgrounds"})
  void answerOnLandscapingIsTenWorkingDays(String channel, String regime, String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "EXPLAIN"))
        .isEqualTo(new Row("Rule_AnswerLandscaping", 10, WORKING_DAYS, 1, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} from {0} about {2} → 5 working days [Rule_AnswerOtherCategory]")
  @CsvSource({
      "SOCIAL,  INCIDENT, ecology.air", "POS, PLATFORM, ecology.air",
      "SOCIAL,  INCIDENT, ", "OPEN311, PLATFORM, "})
  void answerOnAnyOtherOrStillUnknownCategoryIsFiveWorkingDays(String channel, String regime, String category) {
    assertThat(deadline("ANSWER", regime, channel, category, "EXPLAIN"))
        .isEqualTo(new Row("Rule_AnswerOtherCategory", 5, WORKING_DAYS, 1, WORKING_DAYS));
  }

  @ParameterizedTest(name = "fast track about {2} → 8 calendar days [Rule_ResolutionHeatingWaterSnowGarbage]")
  @CsvSource({
      "SOCIAL,   INCIDENT, housing.heating", "POS,     PLATFORM, housing.water",
      "OFFICIAL, FZ59,     roads.snow",      "OPEN311, PLATFORM, housing.garbage"})
  void fastTrackOnHeatingWaterSnowAndGarbageIsResolvedInEightDays(String channel, String regime, String category) {
    assertThat(deadline("RESOLUTION", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_ResolutionHeatingWaterSnowGarbage", 8, CALENDAR_DAYS, 3, WORKING_DAYS));
  }

  @ParameterizedTest(name = "fast track about {2} → 14 calendar days [Rule_ResolutionLightingHealthcareStops]")
  @CsvSource({
      "SOCIAL, INCIDENT, roads.lighting", "POS, PLATFORM, healthcare.appointment",
      "GOVERNOR, FZ59, healthcare.medicines", "SOCIAL, INCIDENT, transport.stops"})
  void fastTrackOnLightingHealthcareAndStopsIsResolvedInFourteenDays(String channel, String regime,
      String category) {
    assertThat(deadline("RESOLUTION", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_ResolutionLightingHealthcareStops", 14, CALENDAR_DAYS, 3, WORKING_DAYS));
  }

  @ParameterizedTest(name = "fast track from {0} about {2} → 30 calendar days [Rule_ResolutionPotholesLandscaping]")
  @CsvSource({
      "SOCIAL, INCIDENT, roads.potholes", "POS, PLATFORM, landscaping.yards",
      "MUNICIPAL, FZ59, landscaping.playgrounds"})
  void fastTrackOnPotholesAndLandscapingIsResolvedInThirtyDays(String channel, String regime, String category) {
    assertThat(deadline("RESOLUTION", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_ResolutionPotholesLandscaping", 30, CALENDAR_DAYS, 3, WORKING_DAYS));
  }

  @ParameterizedTest(name = "fast track from {0} about {2} → 30 calendar days [Rule_ResolutionOtherCategory]")
  @CsvSource({"SOCIAL, INCIDENT, transport.routes", "OFFICIAL, FZ59, ecology.air", "POS, PLATFORM, "})
  void fastTrackOnAnyOtherCategoryIsResolvedInThirtyDays(String channel, String regime, String category) {
    assertThat(deadline("RESOLUTION", regime, channel, category, "FAST_TRACK"))
        .isEqualTo(new Row("Rule_ResolutionOtherCategory", 30, CALENDAR_DAYS, 3, WORKING_DAYS));
  }

  @ParameterizedTest(name = "{1} from {0} → resident confirms within 5 calendar days [Rule_Confirmation]")
  @CsvSource({"SOCIAL, INCIDENT", "POS, PLATFORM", "OFFICIAL, FZ59"})
  void residentConfirmsTheSolutionWithinFiveCalendarDays(String channel, String regime) {
    assertThat(deadline("CONFIRMATION", regime, channel, "healthcare.quality", "EXPLAIN"))
        .isEqualTo(new Row("Rule_Confirmation", 5, CALENDAR_DAYS, 1, CALENDAR_DAYS));
  }

  @ParameterizedTest(name = "59-ФЗ appeal from {0} out of competence → forwarded in 7 days [Rule_Fz59Forwarding]")
  @ValueSource(strings = {"OFFICIAL", "GOVERNOR", "MUNICIPAL"})
  void fz59ForwardingOutOfCompetenceIsSevenCalendarDaysFromRegistration(String channel) {
    assertThat(deadline("FORWARDING", "FZ59", channel, "ecology.air", null))
        .isEqualTo(new Row("Rule_Fz59Forwarding", 7, CALENDAR_DAYS, 2, CALENDAR_DAYS));
  }

  @ParameterizedTest(name = "59-ФЗ appeal from {0} without an answer → notice in 7 calendar days [Rule_Fz59Notice]")
  @ValueSource(strings = {"OFFICIAL", "GOVERNOR", "MUNICIPAL"})
  void fz59NoticeOfAnUnanswerableAppealIsSevenCalendarDaysFromRegistration(String channel) {
    assertThat(deadline("NOTICE", "FZ59", channel, null, null))
        .isEqualTo(new Row("Rule_Fz59Notice", 7, CALENDAR_DAYS, 2, CALENDAR_DAYS));
  }

  @Test
  void fz59ExtensionIsAtMostThirtyCalendarDaysWithoutAReminder() {
    Evaluation extension = regulation("EXTENSION", "FZ59", "OFFICIAL", "roads.potholes", "EXPLAIN");

    assertThat(row(extension)).isEqualTo(new Row("Rule_Fz59Extension", 30, CALENDAR_DAYS, null, null));
    assertThat(extension.result().getSingleResult().getEntryMap())
        .doesNotContainKeys("reminderBefore", "reminderUnit");
  }

  @ParameterizedTest(name = "{0} in regime {1} → no deadline")
  @CsvSource({
      "FIRST_REPLY, FZ59,     OFFICIAL, roads.potholes, EXPLAIN",
      "FIRST_REPLY, PLATFORM, POS,      roads.potholes, EXPLAIN",
      "FORWARDING,  INCIDENT, SOCIAL,   ecology.air,    ",
      "FORWARDING,  PLATFORM, OPEN311,  ecology.air,    ",
      "NOTICE,      INCIDENT, SOCIAL,   ,               ",
      "NOTICE,      PLATFORM, POS,      ,               ",
      "EXTENSION,   INCIDENT, SOCIAL,   roads.potholes, EXPLAIN",
      "EXTENSION,   PLATFORM, POS,      roads.potholes, EXPLAIN"})
  void stepTheRegimeDoesNotKnowHasNoDeadline(String step, String regime, String channel, String category,
      String responseType) {
    assertNoDeadline(regulation(step, regime, channel, category, responseType));
  }

  @ParameterizedTest(name = "{1} about {2} with response type {3} → no resolution deadline")
  @CsvSource({
      "SOCIAL,   INCIDENT, roads.potholes,  EXPLAIN",
      "GOVERNOR, FZ59,     housing.heating, INFORM",
      "POS,      PLATFORM, roads.snow,      "})
  void onlyAFastTrackHasAResolutionDeadline(String channel, String regime, String category, String responseType) {
    assertNoDeadline(regulation("RESOLUTION", regime, channel, category, responseType));
  }

  @Test
  void everyRowHasItsOwnTest() {
    assertThat(decisions.ruleIds(REGULATION)).containsExactly(
        "Rule_IncidentModeration",
        "Rule_PlatformModeration",
        "Rule_Fz59Registration",
        "Rule_IncidentFirstReply",
        "Rule_Fz59Answer",
        "Rule_AnswerHeatingWaterSnow",
        "Rule_AnswerMedicinesAppointmentGarbage",
        "Rule_AnswerLightingVaccination",
        "Rule_AnswerPotholesCareTransportEducationSocial",
        "Rule_AnswerLandscaping",
        "Rule_AnswerOtherCategory",
        "Rule_ResolutionHeatingWaterSnowGarbage",
        "Rule_ResolutionLightingHealthcareStops",
        "Rule_ResolutionPotholesLandscaping",
        "Rule_ResolutionOtherCategory",
        "Rule_Confirmation",
        "Rule_Fz59Forwarding",
        "Rule_Fz59Notice",
        "Rule_Fz59Extension");
  }

  @Test
  void processOwnerCanAddARowForAChannel() {
    DecisionTable table = (DecisionTable) decisions.decisions().iterator().next().getExpression();

    assertThat(table.getInputs())
        .extracting(input -> input.getInputExpression().getText().getTextContent())
        .containsExactly("step", "regime", "channel", "category", "responseType");
  }

  @Test
  void decisionKeepsItsHistoryForFiveYears() {
    assertThat(decisions.decisions()).singleElement()
        .satisfies(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D"));
  }

  private static void assertNoDeadline(Evaluation regulation) {
    assertThat(regulation.result().getResultList()).isEmpty();
    assertThat(regulation.firedRule(REGULATION)).isNull();
  }

  private static Row deadline(String step, String regime, String channel, String category, String responseType) {
    return row(regulation(step, regime, channel, category, responseType));
  }

  private static Row row(Evaluation regulation) {
    // An output left empty in the table is missing from the result, not null in it.
    Map<String, Object> deadline = regulation.result().getSingleResult().getEntryMap();
    return new Row(regulation.firedRule(REGULATION), (Integer) deadline.get("term"), (String) deadline.get("unit"),
        (Integer) deadline.get("reminderBefore"), (String) deadline.get("reminderUnit"));
  }

  private static Evaluation regulation(String step, String regime, String channel, String category,
      String responseType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("step", step);
    variables.put("regime", regime);
    variables.put("channel", channel);
    variables.put("category", category);
    variables.put("responseType", responseType);
    return decisions.evaluate(REGULATION, variables);
  }
}
