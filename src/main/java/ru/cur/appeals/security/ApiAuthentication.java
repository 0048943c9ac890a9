package ru.cur.appeals.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How callers of {@code /api}, {@code /engine-rest} and the actuator prove who they are, and how the
 * webapps log a user in: Camunda's own users in the embedded demo ({@link CamundaLogin}), Keycloak
 * in production ({@code keycloak.KeycloakLogin}). Whatever the mode, the caller's name and groups end
 * up as the Spring Security authentication, which the API checks and the engine runs with.
 */
public interface ApiAuthentication {

  /** Adds the credentials the APIs accept to a stateless filter chain. */
  void authenticateApiCalls(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception;

  /** The {@code WWW-Authenticate} challenge of a 401 on the APIs. */
  String challenge();

  /** The filter chain of the webapps ({@link RequestPaths#WEBAPPS}) and their login and logout. */
  void secureWebapps(HttpSecurity http) throws Exception;
}
