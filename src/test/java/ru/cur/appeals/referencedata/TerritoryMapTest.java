package ru.cur.appeals.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo region's outlines as the data files give them. */
class TerritoryMapTest {

  private static final Path REGION = Path.of("src/main/resources/region/novosibirsk");

  private static List<Territory> territories;
  private static TerritoryMap map;

  @BeforeAll
  static void readTheRegion() throws IOException {
    territories = Files.readAllLines(REGION.resolve("territories.csv")).stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(line -> line.split(";"))
        .map(row -> new Territory(row[0], row[1], row[2], Double.valueOf(row[3]), Double.valueOf(row[4])))
        .toList();
    try (InputStream geoJson = Files.newInputStream(REGION.resolve("territories.geojson"))) {
      map = new TerritoryMap(territories, geoJson);
    }
  }

  private static String at(double lat, double lon) {
    return map.territoryAt(lat, lon).map(Territory::code).orElse(null);
  }

  private static List<String> named(String address) {
    return map.namedIn(address).stream().map(Territory::code).toList();
  }

  @Test
  void theIssuesPotholeLiesInBerdsk() {
    assertThat(at(54.7583, 83.1073)).isEqualTo("berdsk");
  }

  @Test
  void everyTerritorysCentreLiesInItsOwnOutline() {
    assertThat(territories).hasSizeGreaterThan(5).allSatisfy(territory ->
        assertThat(at(territory.lat(), territory.lon())).as(territory.code()).isEqualTo(territory.code()));
  }

  @Test
  void aCityInsideItsDistrictIsTheCity() {
    assertThat(at(54.85, 83.10)).as("Akademgorodok").isEqualTo("novosibirsk");
    assertThat(at(54.9394, 83.1839)).as("Koltsovo").isEqualTo("koltsovo");
    assertThat(at(55.09, 82.66)).as("a village between Ob and the city").isEqualTo("novosibirsky-district");
  }

  @Test
  void aPointInTheRegionOutsideEveryOutlineBelongsToTheNearestCentre() {
    // Between the Novosibirsk, Iskitim and Toguchin districts' rough outlines; Toguchin's centre is nearest.
    assertThat(at(54.85, 84.20)).isEqualTo("toguchinsky-district");
  }

  @Test
  void aPointOutsideTheRegionBelongsToNoTerritory() {
    assertThat(at(55.7558, 37.6173)).as("Moscow").isNull();
    assertThat(at(56.4846, 84.9476)).as("Tomsk").isNull();
    assertThat(at(53.3480, 83.7798)).as("Barnaul").isNull();
    assertThat(at(0, 0)).isNull();
    assertThat(at(Double.NaN, Double.NaN)).isNull();
  }

  @Test
  void anAddressNamesItsTerritoryInAnyCase() {
    assertThat(named("Новосибирская обл., г. Бердск, ул. Ленина, 12")).containsExactly("berdsk");
    assertThat(named("яма в Бердске у рынка")).containsExactly("berdsk");
    assertThat(named("ИСКИТИМ, ул. Советская")).containsExactly("iskitim");
    assertThat(named("Искитимский район, с. Линёво")).containsExactly("iskitimsky-district");
    assertThat(named("Новосибирский р-н, с. Криводановка")).containsExactly("novosibirsky-district");
    assertThat(named("г. Обь, ул. Геодезическая")).containsExactly("ob");
  }

  @Test
  void aCityBeatsTheDistrictAroundIt() {
    assertThat(named("Новосибирский район, р. п. Кольцово, д. 5")).containsExactly("koltsovo");
  }

  @Test
  void streetsNamedAfterTerritoriesNameNoTerritory() {
    assertThat(named("ул. Обская, 3")).isEmpty();
    assertThat(named("Новосибирская область, ул. Ленина, 1")).isEmpty();
  }

  @Test
  void twoCitiesAreAmbiguous() {
    assertThat(named("трасса Новосибирск — Бердск, 5 км")).containsExactlyInAnyOrder("novosibirsk", "berdsk");
  }
}
