package ru.cur.appeals.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;
import ru.cur.appeals.system.ReadBodyRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Closes a hole of Camunda 7.24 CE (STACK-NOTES): ad-hoc task queries may not carry expressions, but the
 * engine does not check the {@code orQueries} of a query, so a user could have any expression evaluated
 * on the server. A task query (or a filter's extending query) whose {@code orQueries} name an
 * {@code …Expression} criterion is refused with 400 before it reaches the engine, on the REST API and on
 * the webapps' own engine API alike.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

  /** {@code …/task}, {@code …/task/count}, {@code …/filter/{id}/list} and {@code …/filter/{id}/count}. */
  private static final Pattern TASK_QUERY = Pattern.compile(".*/(task(/count)?|filter/[^/]+/(list|count))/?$");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !TASK_QUERY.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    if (carriesExpressionInOrQueries(body)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"InvalidRequestException\","
          + "\"message\":\"Expressions are forbidden in task queries, also inside orQueries\",\"code\":0}");
      return;
    }
    chain.doFilter(new ReadBodyRequest(request, body), response);
  }

  boolean carriesExpressionInOrQueries(byte[] body) {
    JsonNode query;
    try {
      query = json.readTree(body);
    } catch (IOException notJson) {
      // Not a query the engine could read either: its own error answers it.
      return false;
    }
    if (query == null || !query.path("orQueries").isArray()) {
      return false;
    }
    for (JsonNode orQuery : query.get("orQueries")) {
      for (Iterator<String> names = orQuery.fieldNames(); names.hasNext(); ) {
        if (names.next().endsWith("Expression")) {
          return true;
        }
      }
    }
    return false;
  }
}
