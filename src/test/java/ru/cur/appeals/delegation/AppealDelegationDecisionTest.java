package ru.cur.appeals.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.cur.appeals.DecisionModel;
import ru.cur.appeals.DecisionModel.Evaluation;

class AppealDelegationDecisionTest {

  private static final String DELEGATION = "appeal-delegation";
  private static final String POLYCLINIC = "POLYCLINIC";
  private static final String MUNICIPAL_ADMINISTRATION = "MUNICIPAL_ADMINISTRATION";

  private static DecisionModel decisions;

  /** The row that fired and the levels above level 1 it names; no level 3 is null. */
  record Chain(String rule, String level2, String level3) {
  }

  @BeforeAll
  static void loadDecision() {
    decisions = DecisionModel.load("decisions/appeal-delegation.dmn");
  }

  @ParameterizedTest(name = "{0} at a polyclinic → minzdrav-nso [Rule_HealthcareFromPolyclinic]")
  @ValueSource(strings = {
      "healthcare.appointment", "healthcare.quality", "healthcare.medicines", "healthcare.vaccination"})
  void polyclinicFirstThenTheMinistryOfHealth(String category) {
    assertTwoLevels(delegation(category, POLYCLINIC),
        new Chain("Rule_HealthcareFromPolyclinic", "minzdrav-nso", null));
  }

  @ParameterizedTest(name = "{0} at a municipal administration → mintrans-nso [Rule_RoadsTransportFromMunicipality]")
  @ValueSource(strings = {"roads.potholes", "roads.snow", "roads.lighting", "transport.routes", "transport.stops"})
  void roadsAndTransportClimbToTheMinistryOfTransport(String category) {
    assertTwoLevels(delegation(category, MUNICIPAL_ADMINISTRATION),
        new Chain("Rule_RoadsTransportFromMunicipality", "mintrans-nso", null));
  }

  @ParameterizedTest(
      name = "{0} at a municipal administration → minzhkh-nso → nso-government [Rule_HeatingWaterFromMunicipality]")
  @ValueSource(strings = {"housing.heating", "housing.water"})
  void heatingAndWaterClimbToTheRegionalGovernment(String category) {
    Evaluation delegation = delegation(category, MUNICIPAL_ADMINISTRATION);

    assertThat(chain(delegation))
        .isEqualTo(new Chain("Rule_HeatingWaterFromMunicipality", "minzhkh-nso", "nso-government"));
  }

  @Test
  void garbageStopsAtTheHousingMinistry() {
    assertTwoLevels(delegation("housing.garbage", MUNICIPAL_ADMINISTRATION),
        new Chain("Rule_GarbageFromMunicipality", "minzhkh-nso", null));
  }

  @ParameterizedTest(name = "{0} at a municipal administration → minobr-nso [Rule_EducationFromMunicipality]")
  @ValueSource(strings = {"education.kindergartens", "education.schools"})
  void educationClimbsToTheMinistryOfEducation(String category) {
    assertTwoLevels(delegation(category, MUNICIPAL_ADMINISTRATION),
        new Chain("Rule_EducationFromMunicipality", "minobr-nso", null));
  }

  @ParameterizedTest(name = "{0} at a municipal administration → mintrud-nso [Rule_SocialFromMunicipality]")
  @ValueSource(strings = {"social.benefits", "social.care"})
  void socialSupportClimbsToTheMinistryOfLabour(String category) {
    assertTwoLevels(delegation(category, MUNICIPAL_ADMINISTRATION),
        new Chain("Rule_SocialFromMunicipality", "mintrud-nso", null));
  }

  @ParameterizedTest(name = "{0} at a municipal administration → answered once")
  @ValueSource(strings = {"landscaping.yards", "landscaping.playgrounds"})
  void landscapingIsAnsweredOnceWithoutConfirmation(String category) {
    assertNoChain(delegation(category, MUNICIPAL_ADMINISTRATION));
  }

  @ParameterizedTest(name = "{0} routed straight to a {1} → answered once")
  @CsvSource({
      "healthcare.quality,     REGIONAL_MINISTRY",
      "healthcare.vaccination, REGIONAL_MINISTRY",
      "transport.routes,       REGIONAL_MINISTRY",
      "education.schools,      REGIONAL_MINISTRY",
      "social.benefits,        REGIONAL_MINISTRY",
      "housing.heating,        REGIONAL_GOVERNMENT",
      "roads.snow,             REGIONAL_GOVERNMENT"})
  void appealRoutedStraightToAMinistryOrTheGovernmentIsAnsweredOnce(String category, String organizationKind) {
    assertNoChain(delegation(category, organizationKind));
  }

  @ParameterizedTest(name = "category {0} at a {1} → answered once")
  @CsvSource({
      "ecology.air, MUNICIPAL_ADMINISTRATION",
      "ecology.air, REGIONAL_GOVERNMENT",
      ",            POLYCLINIC",
      ",            MUNICIPAL_ADMINISTRATION"})
  void unknownOrMissingCategoryIsAnsweredOnce(String category, String organizationKind) {
    assertNoChain(delegation(category, organizationKind));
  }

  @Test
  void everyRowHasItsOwnTest() {
    assertThat(decisions.ruleIds(DELEGATION)).containsExactly(
        "Rule_HealthcareFromPolyclinic",
        "Rule_RoadsTransportFromMunicipality",
        "Rule_HeatingWaterFromMunicipality",
        "Rule_GarbageFromMunicipality",
        "Rule_EducationFromMunicipality",
        "Rule_SocialFromMunicipality");
  }

  @Test
  void everyLevelIsAnOrganizationOfTheRegion() {
    Set<String> organizations = organizationCodes();
    DecisionTable table = (DecisionTable) decisions.decisions().iterator().next().getExpression();

    Set<String> levels = table.getRules().stream()
        .flatMap(rule -> rule.getOutputEntries().stream())
        .map(entry -> entry.getText().getTextContent())
        .filter(level -> !level.isBlank())
        .map(level -> level.replace("\"", ""))
        .collect(Collectors.toSet());

    assertThat(levels).isNotEmpty().isSubsetOf(organizations);
  }

  @Test
  void decisionKeepsItsHistoryForFiveYears() {
    assertThat(decisions.decisions()).singleElement()
        .satisfies(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D"));
  }

  private static void assertTwoLevels(Evaluation delegation, Chain expected) {
    assertThat(chain(delegation)).isEqualTo(expected);
    assertThat(delegation.result().getSingleResult().getEntryMap()).containsOnlyKeys("level2");
  }

  private static void assertNoChain(Evaluation delegation) {
    assertThat(delegation.result().getResultList()).isEmpty();
    assertThat(delegation.firedRule(DELEGATION)).isNull();
  }

  private static Chain chain(Evaluation delegation) {
    // An output left empty in the table is missing from the result, not null in it.
    Map<String, Object> levels = delegation.result().getSingleResult().getEntryMap();
    return new Chain(delegation.firedRule(DELEGATION), (String) levels.get("level2"), (String) levels.get("level3"));
  }

  private static Evaluation delegation(String category, String organizationKind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("category", category);
    variables.put("organizationKind", organizationKind);
    return decisions.evaluate(DELEGATION, variables);
  }

  private static Set<String> organizationCodes() {
    String resource = "/region/novosibirsk/organizations.csv";
    try (var reader = new BufferedReader(new InputStreamReader(
        AppealDelegationDecisionTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1)[0])
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
