package ru.cur.appeals.security.keycloak;

import static ru.cur.appeals.security.RequestPaths.anyOf;
import static ru.cur.appeals.security.RequestPaths.path;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import ru.cur.appeals.security.ApiAuthentication;
import ru.cur.appeals.security.RequestPaths;

/**
 * Production identity (STACK-NOTES, "Identity with Keycloak"): the webapps log users in through
 * Keycloak's authorization code flow and open Camunda's session for them ({@link WebappSession});
 * the APIs take the realm's bearer tokens, checked for issuer and audience, and the token's
 * {@code preferred_username} and {@code groups} become the caller, exactly as Camunda names users and
 * groups through {@link KeycloakIdentity}. Channel systems get their tokens with the client-credentials
 * grant of their own client, whose service account is in the {@code intake} group only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "appeals.identity", havingValue = "keycloak")
class KeycloakLogin implements ApiAuthentication {

  private static final String LOGIN = "/oauth2/authorization/" + KeycloakEndpoints.REGISTRATION;
  private static final String GROUPS = "groups";

  private final KeycloakProperties keycloak;
  private final ClientRegistrationRepository registrations;
  private final JwtDecoder apiTokens;

  KeycloakLogin(KeycloakProperties keycloak, ClientRegistrationRepository registrations, JwtDecoder apiTokens) {
    this.keycloak = keycloak;
    this.registrations = registrations;
    this.apiTokens = apiTokens;
  }

  @Override
  public void authenticateApiCalls(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
    JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
    groups.setAuthoritiesClaimName(GROUPS);
    groups.setAuthorityPrefix("");
    JwtAuthenticationConverter caller = new JwtAuthenticationConverter();
    caller.setPrincipalClaimName(KeycloakEndpoints.USER_NAME);
    caller.setJwtGrantedAuthoritiesConverter(groups);
    http.oauth2ResourceServer(server -> server
        .jwt(jwt -> jwt.decoder(apiTokens).jwtAuthenticationConverter(caller))
        .authenticationEntryPoint(entryPoint));
  }

  @Override
  public String challenge() {
    return "Bearer realm=\"" + keycloak.realm() + "\"";
  }

  @Override
  public void secureWebapps(HttpSecurity http) throws Exception {
    OAuth2AuthorizationRequestResolver withPkce = pkce(registrations);
    OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}" + RequestPaths.WEBAPPS_HOME);
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(RequestPaths.FIRST_ADMIN_SETUP)).denyAll()
            .anyRequest().authenticated())
        .oauth2Login(login -> login
            .clientRegistrationRepository(registrations)
            // The user's groups, as the ID token names them, are what the dashboard reads with.
            .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(KeycloakLogin::groupsOf))
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce)))
        .exceptionHandling(handling -> handling
            // The webapps' pages call their API in the background: a redirect there would be followed
            // invisibly, so the API answers 401 and the page itself goes to the login.
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                anyOf(RequestPaths.WEBAPPS_API, RequestPaths.DASHBOARD_API, RequestPaths.LETTERS,
                    RequestPaths.AUDIT_API))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), AnyRequestMatcher.INSTANCE))
        .logout(logout -> logout
            .logoutRequestMatcher(path(RequestPaths.LOGOUT))
            .logoutSuccessHandler(endKeycloakSession));
  }

  private static Collection<GrantedAuthority> groupsOf(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .filter(OidcUserAuthority.class::isInstance)
        .map(OidcUserAuthority.class::cast)
        .flatMap(user -> Optional.ofNullable(user.getIdToken().getClaimAsStringList(GROUPS)).orElse(List.of()).stream())
        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
        .toList();
  }

  private static OAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository registrations) {
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /**
   * Camunda's container-based authentication opens the webapps' session for whoever Spring Security
   * logged in; it runs after Spring Security's filters, on the webapps' pages and their API.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSessions() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", WebappSession.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
