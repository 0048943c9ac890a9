package ru.cur.appeals.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.cur.appeals.appeal.AppealNotFoundException;
import ru.cur.appeals.system.InvalidInputException.Violation;

/**
 * Every error of {@code /api} as an RFC 9457 problem that says what to fix. No stack trace and no
 * internal class name ever reaches the caller; unexpected failures carry a reference for the log.
 */
@RestControllerAdvice(basePackages = "ru.cur.appeals")
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return invalid(e.getMessage(), e.violations());
  }

  @ExceptionHandler(AppealNotFoundException.class)
  ProblemDetail notFound(AppealNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Appeal not found");
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail missing(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(GoneException.class)
  ProblemDetail gone(GoneException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
  }

  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The appeal changed while this request ran (another step completed at the same moment); repeat the request");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
    log.warn("Database unavailable, request refused: {}", e.getMessage());
    return DatabaseOutage.response();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
        ? "one of " + Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf)
            .collect(Collectors.joining(", "))
        : "a " + simpleTypeName(e.getRequiredType());
    String message = "'" + e.getValue() + "' is not valid; expected " + expected;
    return invalid(e.getName() + ": " + message, List.of(new Violation(e.getName(), message)));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // The engine and the transaction manager wrap a lost connection in their own exceptions.
    if (DatabaseOutage.isCauseOf(e)) {
      log.warn("Database unavailable, request refused: {}", e.getMessage());
      return DatabaseOutage.response();
    }
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error, reference {}", reference, e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error; nothing was changed. Give this reference to the support team: " + reference);
    problem.setProperty("reference", reference);
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(unreadable(e.getCause()));
  }

  private static ProblemDetail unreadable(Throwable cause) {
    if (cause instanceof JsonParseException parse) {
      return invalid("The body is not valid JSON (line %d, column %d): %s".formatted(
          parse.getLocation().getLineNr(), parse.getLocation().getColumnNr(), parse.getOriginalMessage()), List.of());
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String message = "expected " + describe(mismatch.getTargetType());
      return invalid(field + ": " + message, List.of(new Violation(field, message)));
    }
    if (cause instanceof JsonProcessingException other) {
      return invalid("The body does not fit the expected JSON: " + other.getOriginalMessage(), List.of());
    }
    return invalid("The request needs a JSON body", List.of());
  }

  private static ProblemDetail invalid(String detail, List<Violation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    if (!violations.isEmpty()) {
      problem.setProperty("errors", violations.stream()
          .map(v -> Map.of("field", v.field(), "message", v.message()))
          .toList());
    }
    return problem;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.getSimpleName().contains("DateTime")) {
      return "a date-time with offset, e.g. 2026-11-20T09:30:00+07:00";
    }
    return "an object";
  }

  private static String simpleTypeName(Class<?> type) {
    return type == null ? "value" : describe(type).replaceFirst("^an? ", "");
  }
}
