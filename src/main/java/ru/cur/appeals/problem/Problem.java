package ru.cur.appeals.problem;

import java.time.OffsetDateTime;

import ru.cur.appeals.appeal.Appeal;

/** Many appeals about one thing, answered once by one organisation. */
public record Problem(
    long id,
    String number,
    String category,
    String territory,
    Appeal.Location location,
    String address,
    String organization,
    Status status,
    String answer,
    OffsetDateTime createdAt,
    OffsetDateTime answeredAt,
    String processInstanceId) {

  /** An open problem collects appeals; an answered one has given every linked appeal its answer. */
  public enum Status {
    OPEN, ANSWERED
  }

  /** Great-circle distance in metres between the problem and a point. */
  double metresTo(Appeal.Location point) {
    double earthRadius = 6_371_000;
    double dLat = Math.toRadians(point.lat() - location.lat());
    double dLon = Math.toRadians(point.lon() - location.lon());
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(location.lat()))
        * Math.cos(Math.toRadians(point.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * earthRadius * Math.asin(Math.sqrt(a));
  }
}
