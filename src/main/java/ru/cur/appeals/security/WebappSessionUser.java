package ru.cur.appeals.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the embedded demo the webapps log users in themselves (Camunda's login form and session): pages the
 * application serves beside them, the dashboard, take the same user and groups from that session, so one
 * login serves both. For this request only; nothing is stored in Spring Security's session.
 */
class WebappSessionUser extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication webapps = session == null ? null
        : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
    if (webapps instanceof UserAuthentication user && SecurityContextHolder.getContext().getAuthentication() == null) {
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          user.getName(), null, user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
    }
    chain.doFilter(request, response);
  }
}
