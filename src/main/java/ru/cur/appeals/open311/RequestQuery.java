package ru.cur.appeals.open311;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET requests} as GeoReport v2 defines them: {@code service_request_id} (a comma list that
 * overrides every other filter), {@code service_code} and {@code status} (comma lists), and the range of
 * {@code requested_datetime}: the last {@value ServiceRequests#MAX_DAYS} days when no date is given, at most that
 * long when they are.
 *
 * @param closed {@code true}: closed only, {@code false}: open only, {@code null}: both
 */
record RequestQuery(List<String> ids, Set<String> serviceCodes, OffsetDateTime from, OffsetDateTime to,
    Boolean closed) {

  private static final Duration LONGEST = Duration.ofDays(ServiceRequests.MAX_DAYS);

  static RequestQuery of(String ids, String serviceCodes, String startDate, String endDate, String status,
      OffsetDateTime now) {
    OffsetDateTime start = date("start_date", startDate);
    OffsetDateTime end = date("end_date", endDate);
    if (start != null && end != null) {
      if (start.isAfter(end)) {
        throw Open311Exception.badRequest("start_date is after end_date");
      }
      if (Duration.between(start, end).compareTo(LONGEST) > 0) {
        throw Open311Exception.badRequest("start_date and end_date may be at most " + ServiceRequests.MAX_DAYS
            + " days apart; ask for a longer period in several calls");
      }
    }
    OffsetDateTime from = start != null ? start : (end != null ? end : now).minus(LONGEST);
    OffsetDateTime to = end != null ? end : start != null ? start.plus(LONGEST) : now;
    return new RequestQuery(List.copyOf(list(ids)), list(serviceCodes), from, to, closed(list(status)));
  }

  private static Boolean closed(Set<String> statuses) {
    for (String status : statuses) {
      if (!status.equals("open") && !status.equals("closed")) {
        throw Open311Exception.badRequest("status: '" + status + "' is not a status; open or closed");
      }
    }
    return statuses.size() == 1 ? statuses.contains("closed") : null;
  }

  private static OffsetDateTime date(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      // An unencoded "+" of the offset arrives as a space.
      return OffsetDateTime.parse(value.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw Open311Exception.badRequest(parameter + ": '" + value
          + "' is not a W3C date-time with its zone, e.g. 2026-11-20T00:00:00+07:00 or 2026-11-19T17:00:00Z");
    }
  }

  private static Set<String> list(String commaSeparated) {
    Set<String> values = new LinkedHashSet<>();
    if (commaSeparated != null) {
      Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
    }
    return values;
  }
}
