package ru.cur.appeals.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing answers without authentication but health checks and the resident's personal confirmation
 * link, whose unguessable token is its credential. The APIs take HTTP Basic against
 * Camunda's identity service; the webapps keep their own login, session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.POST, "/api/appeals"), path(HttpMethod.POST, "/api/appeals/*/withdraw"))
            .hasAuthority(Roles.INTAKE)
            // The resident's personal link: the unguessable token in the path is the credential.
            .requestMatchers(path(HttpMethod.GET, "/api/confirmations/*"), path(HttpMethod.POST, "/api/confirmations/*"))
            .permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Credentials travel with every request and no cookie is issued: there is no session to forge.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http
        // The login page asks /camunda-welcome on a first visit; a Basic challenge there would open the
        // browser's own login dialog over Camunda's, so it gets a plain 404 like any missing page.
        .securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome")))
        .authorizeHttpRequests(requests -> requests
            // The first-admin setup of 7.24 CE can create an administrator (STACK-NOTES): never serve it.
            .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(handling -> handling.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
        // The webapps authenticate themselves and carry Camunda's own CSRF prevention filter.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/error")).permitAll()
            // The root only redirects to the webapps' login.
            .requestMatchers(path(HttpMethod.GET, "/")).permitAll()
            // The page of the resident's personal link; it reads and answers through /api/confirmations.
            .requestMatchers(path(HttpMethod.GET, "/confirm/*")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(withDefaults())
        .build();
  }

  /**
   * Matches the whole path below the context path. The MVC-aware default of {@code requestMatchers(String)}
   * does not see the paths of the Camunda REST and webapp servlets, which are not Spring MVC's.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
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
