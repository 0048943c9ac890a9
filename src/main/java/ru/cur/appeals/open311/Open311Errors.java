package ru.cur.appeals.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.cur.appeals.system.InvalidInputException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Errors of the Open311 API in the spec's own format, {@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error><code>400</code>…}, in the format the path asked for. Comes before the application's
 * RFC 9457 problems, which Open311 clients do not read.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

  private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

  /** The intake's field names as an Open311 client sent them. */
  private static final Map<String, String> PARAMETERS = Map.of(
      "text", "description",
      "author.name", "first_name/last_name",
      "author.email", "email",
      "author.phone", "phone",
      "address", "address_string",
      "sourceUrl", "media_url",
      "location.lat", "lat",
      "location.lon", "long",
      "territory", "attribute[territory]",
      "category", "service_code");

  private final Open311Writer writer;

  Open311Errors(Open311Writer writer) {
    this.writer = writer;
  }

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
    return errors(request, e.status(), List.of(e.getMessage()));
  }

  /** The intake's own checks, which Open311 submissions pass through like every channel's. */
  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
    return errors(request, HttpStatus.BAD_REQUEST, e.violations().stream().map(Open311Errors::describe).toList());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error in the Open311 API, reference {}", reference, e);
    return errors(request, HttpStatus.INTERNAL_SERVER_ERROR,
        List.of("Internal error; nothing was changed. Give this reference to the appeal center: " + reference));
  }

  ResponseEntity<String> errors(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
    return writer.response(status, Open311Format.of(request), document(status, descriptions));
  }

  static Open311Document document(HttpStatus status, List<String> descriptions) {
    return Open311Document.list("errors", "error", descriptions.stream().map(description -> {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", status.value());
      error.put("description", description);
      return error;
    }).toList());
  }

  private static String describe(Violation violation) {
    return PARAMETERS.getOrDefault(violation.field(), violation.field()) + ": " + violation.message();
  }
}
