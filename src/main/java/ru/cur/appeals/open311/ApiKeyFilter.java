package ru.cur.appeals.open311;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every Open311 call carries the client's {@code api_key} (GET too: nothing but health checks and the
 * resident's link answers without credentials). A missing or unknown key is answered here, with 403 in the
 * spec's error format, before any data is read; a known one names the client for the rest of the request.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  /** The request attribute holding the client's name. */
  static final String CLIENT = "ru.cur.appeals.open311.client";

  private final Open311Clients clients;
  private final Open311Writer writer;

  ApiKeyFilter(Open311Clients clients, Open311Writer writer) {
    this.clients = clients;
    this.writer = writer;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String apiKey = request.getParameter("api_key");
    Optional<String> client = clients.clientOf(apiKey);
    if (client.isEmpty()) {
      String description = apiKey == null || apiKey.isEmpty()
          ? "api_key is required: every Open311 call carries the key the appeal center gave the client"
          : "Invalid api_key: the appeal center knows no client with this key";
      writer.write(response, HttpStatus.FORBIDDEN, Open311Format.of(request),
          Open311Errors.document(HttpStatus.FORBIDDEN, List.of(description)));
      return;
    }
    request.setAttribute(CLIENT, client.get());
    chain.doFilter(request, response);
  }
}
