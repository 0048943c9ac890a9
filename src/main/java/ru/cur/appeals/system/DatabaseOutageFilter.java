package ru.cur.appeals.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A lost database outside the controllers, above all while logging in (the demo's users are the engine's, read
 * from the database before any controller runs): {@code 503} with {@code Retry-After}, like {@link ApiProblems}
 * answers inside them, never the servlet container's {@code 500}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final ObjectMapper json;

  DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseOutage.isCauseOf(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable, request refused: {}", e.getMessage());
      ResponseEntity<ProblemDetail> refusal = DatabaseOutage.response();
      ProblemDetail problem = refusal.getBody();
      problem.setInstance(URI.create(request.getRequestURI()));
      response.reset();
      response.setStatus(refusal.getStatusCode().value());
      refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
