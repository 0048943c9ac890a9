package ru.cur.appeals.open311;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * One answer of the API before it is written: GeoReport v2 serves the same fields as JSON and as XML. A value is
 * a scalar, a map of named fields (in the order the spec lists them) or {@link Elements}.
 *
 * @param root the XML root element ({@code services}, {@code service_requests}, {@code errors}, …); JSON has none
 */
record Open311Document(String root, Object body) {

  /** A list: a JSON array, or in XML one {@code item} element per entry inside the list's own element. */
  record Elements(String item, @JsonValue List<?> items) {}

  static Open311Document list(String root, String item, List<?> items) {
    return new Open311Document(root, new Elements(item, items));
  }
}
