package ru.cur.appeals.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.cur.appeals.DecisionModel;
import ru.cur.appeals.DecisionModel.Evaluation;

class AppealRoutingDecisionTest {

  private static final String ROUTING = "appeal-routing";
  private static final String ORGANIZATION_TABLE = "routing-organization";
  private static final String RESPONSE_TYPE_TABLE = "routing-response-type";
  private static final Set<String> RESPONSE_TYPES = Set.of("INFORM", "EXPLAIN", "FAST_TRACK");
  private static final Set<String> MUNICIPAL_GROUPS = Set.of("roads", "housing", "landscaping");

  private static DecisionModel decisions;
  private static List<String> leafCategories;
  private static List<String> territories;
  private static Map<String, Organization> organizations;

  record Organization(String code, String kind, Set<String> territories) {

    boolean serves(String territory) {
      return territories.contains("*") || territories.contains(territory);
    }
  }

  @BeforeAll
  static void loadDecisionsAndReferenceData() {
    decisions = DecisionModel.load("decisions/appeal-routing.dmn");
    leafCategories = readCsv("categories.csv").stream()
        .filter(row -> !row[2].isBlank())
        .map(row -> row[0])
        .toList();
    territories = readCsv("territories.csv").stream().map(row -> row[0]).toList();
    organizations = new HashMap<>();
    for (String[] row : readCsv("organizations.csv")) {
      organizations.put(row[0], new Organization(row[0], row[2], Set.of(row[4].split(","))));
    }
  }

  static Stream<Arguments> organizationRows() {
    return Stream.of(
        arguments("Rule_HealthcareNovosibirsk", "healthcare.appointment", "novosibirsk", "novosibirsk-polyclinic-1"),
        arguments("Rule_HealthcareBerdsk", "healthcare.quality", "berdsk", "berdsk-polyclinic"),
        arguments("Rule_HealthcareIskitim", "healthcare.medicines", "iskitim", "iskitim-polyclinic"),
        arguments("Rule_HealthcareIskitimskyDistrict", "healthcare.appointment", "iskitimsky-district", "iskitim-polyclinic"),
        arguments("Rule_HealthcareOb", "healthcare.vaccination", "ob", "ob-polyclinic"),
        arguments("Rule_HealthcareKoltsovo", "healthcare.quality", "koltsovo", "koltsovo-polyclinic"),
        arguments("Rule_HealthcareNovosibirskyDistrict", "healthcare.medicines", "novosibirsky-district",
            "novosibirsky-district-polyclinic"),
        arguments("Rule_HealthcareToguchinskyDistrict", "healthcare.appointment", "toguchinsky-district",
            "toguchinsky-polyclinic"),
        arguments("Rule_HealthcareMinistry", "healthcare.quality", "ordynsky-district", "minzdrav-nso"),
        arguments("Rule_MunicipalNovosibirsk", "roads.snow", "novosibirsk", "novosibirsk-mayoralty"),
        arguments("Rule_MunicipalBerdsk", "roads.potholes", "berdsk", "berdsk-administration"),
        arguments("Rule_MunicipalIskitim", "housing.heating", "iskitim", "iskitim-administration"),
        arguments("Rule_MunicipalOb", "housing.water", "ob", "ob-administration"),
        arguments("Rule_MunicipalKoltsovo", "landscaping.yards", "koltsovo", "koltsovo-administration"),
        arguments("Rule_MunicipalNovosibirskyDistrict", "roads.lighting", "novosibirsky-district",
            "novosibirsky-district-administration"),
        arguments("Rule_MunicipalIskitimskyDistrict", "housing.garbage", "iskitimsky-district",
            "iskitimsky-district-administration"),
        arguments("Rule_MunicipalToguchinskyDistrict", "landscaping.playgrounds", "toguchinsky-district",
            "toguchinsky-district-administration"),
        arguments("Rule_MunicipalKolyvanskyDistrict", "roads.potholes", "kolyvansky-district",
            "kolyvansky-district-administration"),
        arguments("Rule_MunicipalOrdynskyDistrict", "housing.heating", "ordynsky-district",
            "ordynsky-district-administration"),
        arguments("Rule_MunicipalCherepanovskyDistrict", "landscaping.yards", "cherepanovsky-district",
            "cherepanovsky-district-administration"),
        arguments("Rule_TransportMinistry", "transport.routes", "berdsk", "mintrans-nso"),
        arguments("Rule_EducationMinistry", "education.schools", "iskitimsky-district", "minobr-nso"),
        arguments("Rule_SocialMinistry", "social.benefits", "novosibirsk", "mintrud-nso"),
        arguments("Rule_RegionalGovernment", "ecology.air", "novosibirsk", "nso-government"));
  }

  @ParameterizedTest(name = "{1} in {2} → {3} [{0}]")
  @MethodSource("organizationRows")
  void organizationRow(String rule, String category, String territory, String organization) {
    Evaluation routing = route(category, territory);

    assertThat(routing.firedRule(ORGANIZATION_TABLE)).isEqualTo(rule);
    assertThat(routing.result().getSingleResult().<String>getEntry("organization")).isEqualTo(organization);
  }

  static Stream<Arguments> responseTypeRows() {
    return Stream.of(
        arguments("Rule_HealthcareAppointment", "healthcare.appointment", "FAST_TRACK"),
        arguments("Rule_HealthcareQuality", "healthcare.quality", "EXPLAIN"),
        arguments("Rule_HealthcareMedicines", "healthcare.medicines", "FAST_TRACK"),
        arguments("Rule_HealthcareVaccination", "healthcare.vaccination", "INFORM"),
        arguments("Rule_Roads", "roads.potholes", "FAST_TRACK"),
        arguments("Rule_Housing", "housing.water", "FAST_TRACK"),
        arguments("Rule_LandscapingYards", "landscaping.yards", "FAST_TRACK"),
        arguments("Rule_LandscapingPlaygrounds", "landscaping.playgrounds", "EXPLAIN"),
        arguments("Rule_TransportRoutes", "transport.routes", "EXPLAIN"),
        arguments("Rule_TransportStops", "transport.stops", "FAST_TRACK"),
        arguments("Rule_Education", "education.kindergartens", "EXPLAIN"),
        arguments("Rule_SocialBenefits", "social.benefits", "INFORM"),
        arguments("Rule_SocialCare", "social.care", "EXPLAIN"),
        arguments("Rule_DefaultExplain", "ecology.air", "EXPLAIN"));
  }

  @ParameterizedTest(name = "{1} → {2} [{0}]")
  @MethodSource("responseTypeRows")
  void responseTypeRow(String rule, String category, String responseType) {
    Evaluation routing = route(category, "novosibirsk");

    assertThat(routing.firedRule(RESPONSE_TYPE_TABLE)).isEqualTo(rule);
    assertThat(routing.result().getSingleResult().<String>getEntry("responseType")).isEqualTo(responseType);
  }

  @Test
  void everyRowOfBothTablesHasItsOwnCase() {
    assertThat(organizationRows().map(row -> (String) row.get()[0]))
        .containsExactlyElementsOf(decisions.ruleIds(ORGANIZATION_TABLE));
    assertThat(responseTypeRows().map(row -> (String) row.get()[0]))
        .containsExactlyElementsOf(decisions.ruleIds(RESPONSE_TYPE_TABLE));
  }

  static Stream<Arguments> appealsFromTheRegulation() {
    return Stream.of(
        arguments("pothole in Berdsk → berdsk-administration, FAST_TRACK",
            "roads.potholes", "berdsk", "berdsk-administration", "FAST_TRACK"),
        arguments("appointment in Iskitimsky district → iskitim-polyclinic, FAST_TRACK",
            "healthcare.appointment", "iskitimsky-district", "iskitim-polyclinic", "FAST_TRACK"),
        arguments("quality of care in Ordynsky district (no polyclinic) → minzdrav-nso, EXPLAIN",
            "healthcare.quality", "ordynsky-district", "minzdrav-nso", "EXPLAIN"),
        arguments("vaccination in Cherepanovsky district (no polyclinic) → minzdrav-nso, INFORM",
            "healthcare.vaccination", "cherepanovsky-district", "minzdrav-nso", "INFORM"),
        arguments("bus stop in Novosibirsk → mintrans-nso, FAST_TRACK",
            "transport.stops", "novosibirsk", "mintrans-nso", "FAST_TRACK"),
        arguments("unknown category in Novosibirsk → nso-government, EXPLAIN",
            "ecology.air", "novosibirsk", "nso-government", "EXPLAIN"),
        arguments("medicines without a territory → minzdrav-nso, FAST_TRACK",
            "healthcare.medicines", null, "minzdrav-nso", "FAST_TRACK"),
        arguments("snow without a territory → nso-government, FAST_TRACK",
            "roads.snow", null, "nso-government", "FAST_TRACK"),
        arguments("benefits without a territory → mintrud-nso, INFORM",
            "social.benefits", null, "mintrud-nso", "INFORM"),
        arguments("no category at all → nso-government, EXPLAIN",
            null, "berdsk", "nso-government", "EXPLAIN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("appealsFromTheRegulation")
  void routesAppeal(String appeal, String category, String territory, String organization, String responseType) {
    DmnDecisionResultEntries routing = route(category, territory).result().getSingleResult();

    assertThat(routing.getEntryMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("organization", organization, "responseType", responseType));
  }

  @ParameterizedTest(name = "channel {0} does not change the routing")
  @ValueSource(strings = {"SOCIAL", "POS", "OPEN311", "OFFICIAL", "GOVERNOR", "MUNICIPAL"})
  void channelDoesNotChangeTheRouting(String channel) {
    Evaluation routing = decisions.evaluate(ROUTING,
        Map.of("category", "roads.potholes", "territory", "berdsk", "channel", channel));

    assertThat(routing.result().getSingleResult().getEntryMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("organization", "berdsk-administration", "responseType", "FAST_TRACK"));
  }

  @Test
  void everyCategoryInEveryTerritoryGetsOneOrganizationServingItAndAResponseType() {
    List<String> problems = new ArrayList<>();
    for (String category : leafCategories) {
      for (String territory : territories) {
        var results = route(category, territory).result().getResultList();
        if (results.size() != 1) {
          problems.add(category + " in " + territory + ": " + results.size() + " results");
          continue;
        }
        Object organizationCode = results.get(0).get("organization");
        Organization organization = organizations.get(organizationCode);
        if (organization == null) {
          problems.add(category + " in " + territory + ": unknown organization " + organizationCode);
        } else if (!organization.serves(territory)) {
          problems.add(category + " in " + territory + ": " + organizationCode + " does not serve " + territory);
        }
        Object responseType = results.get(0).get("responseType");
        if (!RESPONSE_TYPES.contains(responseType)) {
          problems.add(category + " in " + territory + ": response type " + responseType);
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void roadsHousingAndLandscapingGoToTheAdministrationOfTheirTerritory() {
    List<String> problems = new ArrayList<>();
    for (String category : leafCategories) {
      if (!MUNICIPAL_GROUPS.contains(group(category))) {
        continue;
      }
      for (String territory : territories) {
        Organization organization = organizationFor(category, territory);
        if (!organization.kind().equals("MUNICIPAL_ADMINISTRATION") || !organization.territories().contains(territory)) {
          problems.add(category + " in " + territory + " → " + organization.code());
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void healthcareGoesToThePolyclinicOfTheTerritoryOrElseToTheMinistryOfHealth() {
    List<String> problems = new ArrayList<>();
    for (String category : leafCategories) {
      if (!group(category).equals("healthcare")) {
        continue;
      }
      for (String territory : territories) {
        String expected = organizations.values().stream()
            .filter(organization -> organization.kind().equals("POLYCLINIC"))
            .filter(organization -> organization.territories().contains(territory))
            .map(Organization::code)
            .findFirst()
            .orElse("minzdrav-nso");
        String actual = organizationFor(category, territory).code();
        if (!actual.equals(expected)) {
          problems.add(category + " in " + territory + " → " + actual + ", expected " + expected);
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionKeepsItsHistoryForFiveYears() {
    assertThat(decisions.decisions())
        .extracting(Decision::getId, Decision::getCamundaHistoryTimeToLiveString)
        .containsExactlyInAnyOrder(
            tuple(ROUTING, "P1825D"),
            tuple(ORGANIZATION_TABLE, "P1825D"),
            tuple(RESPONSE_TYPE_TABLE, "P1825D"));
  }

  private static Evaluation route(String category, String territory) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("category", category);
    variables.put("territory", territory);
    return decisions.evaluate(ROUTING, variables);
  }

  private static Organization organizationFor(String category, String territory) {
    return organizations.get(route(category, territory).result().getSingleResult().<String>getEntry("organization"));
  }

  private static String group(String category) {
    return category.substring(0, category.indexOf('.'));
  }

  private static List<String[]> readCsv(String file) {
    String resource = "/region/novosibirsk/" + file;
    try (var reader = new BufferedReader(new InputStreamReader(
        AppealRoutingDecisionTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
