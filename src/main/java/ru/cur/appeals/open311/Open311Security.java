package ru.cur.appeals.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import ru.cur.appeals.security.RequestPaths;

/**
 * {@code /open311/**} has its own chain, before the application's: Open311 clients authenticate with the
 * spec's {@code api_key} parameter, not with the staff's logins, and are refused in the spec's error format
 * ({@link ApiKeyFilter}). Spring Security lets every request through to that filter; it keeps no session
 * (the key comes with every request, so there is no cookie and nothing for CSRF to forge) and sends the
 * same protective headers as the other APIs.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

  @Bean
  @Order(0)
  SecurityFilterChain open311(HttpSecurity http, Open311Clients clients, Open311Writer writer) throws Exception {
    http
        .securityMatcher(RequestPaths.path("/open311/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterBefore(new ApiKeyFilter(clients, writer), AuthorizationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }
}
