package ru.cur.appeals.security;

import static ru.cur.appeals.security.RequestPaths.anyOf;
import static ru.cur.appeals.security.RequestPaths.path;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The embedded demo's identities are Camunda's own users: the APIs take HTTP Basic against them, the
 * webapps keep Camunda's login form, session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "appeals.identity", havingValue = "camunda", matchIfMissing = true)
class CamundaLogin implements ApiAuthentication {

  @Bean
  CamundaIdentityAuthentication camundaIdentityAuthentication(IdentityService identity) {
    return new CamundaIdentityAuthentication(identity);
  }

  @Override
  public void authenticateApiCalls(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
    http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
  }

  @Override
  public String challenge() {
    return "Basic realm=\"appeal-engine\"";
  }

  @Override
  public void secureWebapps(HttpSecurity http) throws Exception {
    http
        // The dashboard's figures, the printed letters and the audit view are read as whoever is logged into the webapps.
        .addFilterBefore(new WebappSessionUser(), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(RequestPaths.FIRST_ADMIN_SETUP)).denyAll()
            .requestMatchers(path(RequestPaths.DASHBOARD_API), path(RequestPaths.LETTERS), path(RequestPaths.AUDIT_API))
            .authenticated()
            // Camunda's login form and the pages behind it: the webapps check their own session. The login
            // page asks /camunda-welcome on a first visit; a Basic challenge there would open the browser's
            // own login dialog over Camunda's, so it gets a plain 404 like any missing page.
            .anyRequest().permitAll())
        .exceptionHandling(handling -> handling
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                anyOf(RequestPaths.DASHBOARD_API, RequestPaths.LETTERS, RequestPaths.AUDIT_API))
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN), AnyRequestMatcher.INSTANCE))
        .logout(logout -> logout
            .logoutRequestMatcher(path(RequestPaths.LOGOUT))
            .logoutSuccessUrl(RequestPaths.WEBAPPS_HOME));
  }
}
