package ru.cur.appeals.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Optional;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets the engine REST API answer a {@link RuleViolation} from a task listener as 400 with the rule's
 * message: the engine wraps it (ENGINE-03051, "Cannot submit task form …") into a 500 that Tasklist
 * would show to the clerk as a server failure in English. Everything else keeps Camunda's handling.
 */
@Component
class RuleViolationResponses implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
  }

  /** Chosen over Camunda's own mapper of the same exception type by its higher priority. */
  @Priority(Priorities.USER - 100)
  public static class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return violationIn(exception).map(violation -> {
        ExceptionDto body = new ExceptionDto();
        body.setType(RuleViolation.class.getSimpleName());
        body.setMessage(violation.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }).orElseGet(() -> camunda.toResponse(exception));
    }

    private static Optional<RuleViolation> violationIn(Throwable exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof RuleViolation violation) {
          return Optional.of(violation);
        }
      }
      return Optional.empty();
    }
  }
}
