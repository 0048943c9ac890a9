package ru.cur.appeals.open311;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.referencedata.Territory;
import ru.cur.appeals.referencedata.TerritoryMap;

/**
 * Where a service request is, as the appeal needs it: the territory (routing goes by it) and the point, if
 * given. In this order:
 * <ol>
 *   <li>{@code lat} and {@code long}: must lie in the region; the territory is {@code attribute[territory]} if
 *       the resident chose one, otherwise the map's (see {@link TerritoryMap});</li>
 *   <li>{@code attribute[territory]};</li>
 *   <li>{@code address_string} naming exactly one territory («г. Бердск, ул. Ленина, 12»).</li>
 * </ol>
 * Anything else is refused with what to send instead: a guess would route the appeal to the wrong town.
 */
@Component
class RequestLocation {

  private final TerritoryMap map;
  private final ReferenceData referenceData;

  RequestLocation(TerritoryMap map, ReferenceData referenceData) {
    this.map = map;
    this.referenceData = referenceData;
  }

  record Place(String territory, Double lat, Double lon) {}

  Place of(ServiceRequestForm form) {
    String chosen = chosenTerritory(form);
    if (form.lat() != null || form.lon() != null) {
      double lat = coordinate("lat", form.lat());
      double lon = coordinate("long", form.lon());
      Territory located = map.territoryAt(lat, lon).orElseThrow(() -> Open311Exception.badRequest(
          ("lat/long: the point %s, %s lies outside the region; send the location of the problem in the region "
              + "(WGS84 degrees)").formatted(form.lat(), form.lon())));
      return new Place(chosen != null ? chosen : located.code(), lat, lon);
    }
    if (chosen != null) {
      return new Place(chosen, null, null);
    }
    if (form.addressString() == null) {
      throw Open311Exception.badRequest(form.addressId() != null
          ? "address_id is not supported: send lat and long, or address_string with attribute[territory]"
          : "A location is required: send lat and long, or address_string naming the town or district, "
              + "or attribute[territory]");
    }
    List<Territory> named = map.namedIn(form.addressString());
    if (named.size() != 1) {
      throw Open311Exception.badRequest("address_string: " + (named.isEmpty()
          ? "names no town or district of the region"
          : "names several (" + named.stream().map(Territory::name).collect(Collectors.joining(", ")) + ")")
          + "; send attribute[territory] (GET services/{service_code} lists them) or lat and long");
    }
    return new Place(named.get(0).code(), null, null);
  }

  private String chosenTerritory(ServiceRequestForm form) {
    String code = form.attributes().get(ServiceCatalogue.TERRITORY);
    if (code != null && referenceData.territory(code).isEmpty()) {
      throw Open311Exception.badRequest("attribute[territory]: unknown territory '" + code + "'; one of "
          + referenceData.territories().stream().map(Territory::code).collect(Collectors.joining(", ")));
    }
    return code;
  }

  private static double coordinate(String parameter, String value) {
    if (value == null) {
      throw Open311Exception.badRequest("lat and long go together: " + parameter + " is missing");
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw Open311Exception.badRequest(parameter + ": '" + value + "' is not a number of degrees, e.g. 54.7583");
    }
  }
}
