package ru.cur.appeals.referencedata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Where a resident's point or address lies among the region's territories. The outlines are data, the
 * region's {@code territories.geojson}: one feature with the property {@code region} is the region's outline,
 * every other names its {@code territory} and the {@code names} addresses call it by (the cases in which
 * Russian addresses write it).
 *
 * <p>A point belongs to the smallest outline that contains it, so a city inside its district is the city. The
 * outlines are rough and leave gaps: a point in the region but outside every outline belongs to the territory
 * with the nearest centre; a point outside the region's outline belongs to none (a mistyped coordinate, or
 * another region's problem).
 */
@Component
public class TerritoryMap {

  private static final String FILE = "territories.geojson";
  private static final double EARTH_RADIUS_KM = 6371.0;

  private final Polygon region;
  private final List<Outline> outlines;
  private final List<Territory> centres;
  private final Map<Territory, List<Pattern>> addressNames;

  @Autowired
  public TerritoryMap(ReferenceData referenceData, ResourceLoader resources,
      @Value("${appeals.reference-data}") String location) {
    this(referenceData.territories(), open(resources.getResource(location + (location.endsWith("/") ? "" : "/") + FILE)));
  }

  /** The map of these territories from a GeoJSON feature collection of their outlines. */
  TerritoryMap(List<Territory> territories, InputStream geoJson) {
    Map<String, Territory> byCode = territories.stream()
        .collect(Collectors.toMap(Territory::code, Function.identity()));
    Polygon regionOutline = null;
    List<Outline> found = new ArrayList<>();
    Map<Territory, List<Pattern>> names = new LinkedHashMap<>();
    for (JsonNode feature : read(geoJson).path("features")) {
      JsonNode properties = feature.path("properties");
      Polygon outline = polygon(feature.path("geometry"));
      if (properties.hasNonNull("region")) {
        regionOutline = outline;
        continue;
      }
      String code = properties.path("territory").asText();
      Territory territory = byCode.get(code);
      if (territory == null) {
        throw new IllegalStateException(FILE + " outlines territory '" + code
            + "', which is not in the region's territories.csv");
      }
      found.add(new Outline(territory, outline));
      List<Pattern> patterns = new ArrayList<>();
      properties.path("names").forEach(name -> patterns.add(wholeWords(name.asText())));
      names.put(territory, patterns);
    }
    if (regionOutline == null) {
      throw new IllegalStateException(FILE + " has no feature with the property 'region': the region's outline");
    }
    region = regionOutline;
    outlines = found.stream().sorted(Comparator.comparingDouble(o -> o.polygon().area())).toList();
    centres = territories.stream().filter(t -> t.lat() != null && t.lon() != null).toList();
    addressNames = names;
  }

  /** The territory of a point in the region; empty when the point lies outside the region's outline. */
  public Optional<Territory> territoryAt(double lat, double lon) {
    if (!region.contains(lat, lon)) {
      return Optional.empty();
    }
    return outlines.stream()
        .filter(outline -> outline.polygon().contains(lat, lon))
        .map(Outline::territory)
        .findFirst()
        .or(() -> centres.stream().min(Comparator.comparingDouble(t -> kilometres(lat, lon, t.lat(), t.lon()))));
  }

  /**
   * The territories an address names, by the names of the map's data. Where it names a city and the district
   * around it («Новосибирский район, р. п. Кольцово»), the city: it is the more specific. Several cities, or
   * none, leave the caller to ask.
   */
  public List<Territory> namedIn(String address) {
    if (address == null || address.isBlank()) {
      return List.of();
    }
    String text = normalized(address);
    Set<Territory> named = new LinkedHashSet<>();
    addressNames.forEach((territory, patterns) -> {
      if (patterns.stream().anyMatch(pattern -> pattern.matcher(text).find())) {
        named.add(territory);
      }
    });
    List<Territory> cities = named.stream().filter(t -> "CITY".equals(t.kind())).toList();
    return named.size() > 1 && cities.size() == 1 ? cities : List.copyOf(named);
  }

  /** Great-circle distance: the fallback compares centres tens of kilometres apart. */
  static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
  }

  private static Pattern wholeWords(String name) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(normalized(name)) + "(?![\\p{L}\\p{N}])");
  }

  /** Lower case, «ё» as «е» and single spaces: addresses are typed every way. */
  private static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s\\u00A0]+", " ");
  }

  private static Polygon polygon(JsonNode geometry) {
    if (!"Polygon".equals(geometry.path("type").asText())) {
      throw new IllegalStateException(FILE + ": every outline must be a GeoJSON Polygon, found "
          + geometry.path("type").asText("nothing"));
    }
    List<double[]> ring = new ArrayList<>();
    geometry.path("coordinates").path(0).forEach(position ->
        ring.add(new double[] {position.path(0).asDouble(), position.path(1).asDouble()}));
    return new Polygon(ring);
  }

  private static JsonNode read(InputStream geoJson) {
    try (geoJson) {
      return new ObjectMapper().readTree(geoJson);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the region's " + FILE, e);
    }
  }

  private static InputStream open(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("The region's data lacks " + FILE + " (territory outlines): " + resource, e);
    }
  }

  private record Outline(Territory territory, Polygon polygon) {}
}
