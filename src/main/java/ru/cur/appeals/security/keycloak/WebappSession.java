package ru.cur.appeals.security.keycloak;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Opens the Camunda webapps' session for the user Keycloak logged in: Camunda's container-based
 * authentication filter asks it who the user is, and the groups come from Keycloak through the
 * identity plugin, so Tasklist, Cockpit and Admin see the same groups as the engine's authorizations.
 * Instantiated by that filter from its class name, hence public with no constructor arguments.
 */
public class WebappSession implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    if (!(login instanceof OAuth2AuthenticationToken) || login.getName() == null || login.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    String user = login.getName();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
    AuthenticationResult result = AuthenticationResult.successful(user);
    result.setGroups(groups);
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security sends an unauthenticated browser to Keycloak before this filter is reached.
  }
}
