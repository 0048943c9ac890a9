package ru.cur.appeals.open311;

import org.springframework.http.HttpStatus;

/** A request GeoReport v2 answers with an error of its own format: the status and what to fix. */
class Open311Exception extends RuntimeException {

  private final HttpStatus status;

  Open311Exception(HttpStatus status, String description) {
    super(description);
    this.status = status;
  }

  static Open311Exception badRequest(String description) {
    return new Open311Exception(HttpStatus.BAD_REQUEST, description);
  }

  static Open311Exception notFound(String description) {
    return new Open311Exception(HttpStatus.NOT_FOUND, description);
  }

  HttpStatus status() {
    return status;
  }
}
