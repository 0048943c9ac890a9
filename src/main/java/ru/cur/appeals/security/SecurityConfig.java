package ru.cur.appeals.security;

import static ru.cur.appeals.security.RequestPaths.anyOf;
import static ru.cur.appeals.security.RequestPaths.path;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Nothing answers without authentication but health checks and the resident's personal confirmation
 * link, whose unguessable token is its credential. How a caller authenticates depends on the mode
 * ({@link ApiAuthentication}); what each caller may do does not.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /** Answers outside the webapps are data or redirects; the one page there sets its own policy. */
  private static final String NOTHING_TO_RUN = "default-src 'none'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, ApiAuthentication authentication, ProblemSecurityHandlers problems)
      throws Exception {
    http
        .securityMatcher(anyOf("/api/**", "/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.POST, "/api/appeals"), path(HttpMethod.POST, "/api/appeals/*/withdraw"))
            .hasAuthority(Roles.INTAKE)
            // The resident's personal link: the unguessable token in the path is the credential.
            .requestMatchers(path(HttpMethod.GET, "/api/confirmations/*"), path(HttpMethod.POST, "/api/confirmations/*"))
            .permitAll()
            .requestMatchers(path("/engine-rest/**")).access(SecurityConfig::staff)
            .anyRequest().authenticated());
    return stateless(http, authentication, problems);
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, ApiAuthentication authentication) throws Exception {
    http
        .securityMatcher(anyOf(RequestPaths.WEBAPPS, RequestPaths.WELCOME_CHECK, RequestPaths.DASHBOARD,
            RequestPaths.DASHBOARD + "/**", RequestPaths.LETTERS, RequestPaths.AUDIT, RequestPaths.BPMN_VIEWER, "/oauth2/**",
            "/login/oauth2/**"))
        // The webapps carry Camunda's own CSRF prevention filter (a token header on every change to their
        // API), which works the same whoever logged the user in.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    authentication.secureWebapps(http);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, ApiAuthentication authentication,
      ProblemSecurityHandlers problems) throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/error")).permitAll()
            // The root only redirects to the webapps.
            .requestMatchers(path(HttpMethod.GET, "/")).permitAll()
            // The page of the resident's personal link; it reads and answers through /api/confirmations.
            .requestMatchers(path(HttpMethod.GET, "/confirm/*")).permitAll()
            .requestMatchers(path("/actuator/prometheus")).hasAnyAuthority(Roles.MONITORING, Roles.ADMIN)
            .anyRequest().authenticated());
    return stateless(http, authentication, problems);
  }

  /** Outside the webapps: credentials with every request, problem details for 401 and 403, no session. */
  private static SecurityFilterChain stateless(HttpSecurity http, ApiAuthentication authentication,
      ProblemSecurityHandlers problems) throws Exception {
    http
        .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Credentials travel with every request and no cookie is issued: there is no session to forge.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives(NOTHING_TO_RUN)));
    authentication.authenticateApiCalls(http, problems);
    return http.build();
  }

  /**
   * The engine's API is the staff's: a caller whose groups are only {@link Roles#SYSTEMS} (a channel system, a
   * metrics scraper) or who has no group at all gets 403 there, whatever the engine's authorizations would show it.
   */
  private static AuthorizationDecision staff(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
    Authentication caller = authentication.get();
    boolean staff = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
        && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(group -> !Roles.SYSTEMS.contains(group));
    return new AuthorizationDecision(staff);
  }

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthentication(IdentityService identity) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineAuthenticationFilter(identity));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
    FilterRegistrationBean<TaskQueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new TaskQueryExpressionGuard());
    // The REST API and the webapps' own engine API (Tasklist's task list) take the same queries.
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
