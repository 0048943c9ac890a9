package ru.cur.appeals.open311;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code POST requests} (form-encoded, GeoReport v2), blank ones as absent. {@code api_key}
 * is the filter's and {@code jurisdiction_id} means nothing to a center that serves one region.
 *
 * @param attributes the {@code attribute[code]} parameters by code, in the order of their codes
 */
record ServiceRequestForm(
    String serviceCode,
    String lat,
    String lon,
    String addressString,
    String addressId,
    String description,
    String email,
    String firstName,
    String lastName,
    String phone,
    String mediaUrl,
    String deviceId,
    String accountId,
    Map<String, String> attributes) {

  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[(.+)]");

  static ServiceRequestForm of(MultiValueMap<String, String> parameters) {
    Map<String, String> attributes = new TreeMap<>();
    parameters.forEach((name, values) -> {
      Matcher attribute = ATTRIBUTE.matcher(name);
      String value = first(parameters, name);
      if (attribute.matches() && value != null) {
        attributes.put(attribute.group(1), value);
      }
    });
    return new ServiceRequestForm(
        first(parameters, "service_code"),
        first(parameters, "lat"),
        first(parameters, "long"),
        first(parameters, "address_string"),
        first(parameters, "address_id"),
        first(parameters, "description"),
        first(parameters, "email"),
        first(parameters, "first_name"),
        first(parameters, "last_name"),
        first(parameters, "phone"),
        first(parameters, "media_url"),
        first(parameters, "device_id"),
        first(parameters, "account_id"),
        Collections.unmodifiableMap(attributes));
  }

  /** The resident's name as one line, the way the appeal keeps it. */
  String name() {
    if (firstName == null || lastName == null) {
      return firstName != null ? firstName : lastName;
    }
    return firstName + " " + lastName;
  }

  private static String first(MultiValueMap<String, String> parameters, String name) {
    String value = parameters.getFirst(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
