package ru.cur.appeals.security.keycloak;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The realm's endpoints as the webapps' login and the APIs' token check use them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "appeals.identity", havingValue = "keycloak")
class KeycloakEndpoints {

  static final String REGISTRATION = "keycloak";
  /** Camunda's user ids are Keycloak's user names ({@code useUsernameAsCamundaUserId}). */
  static final String USER_NAME = "preferred_username";

  private final KeycloakProperties keycloak;

  KeycloakEndpoints(KeycloakProperties keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * Built here rather than from Spring Boot's properties so that nothing is discovered at start: the
   * browser is sent to Keycloak's public address, the application talks to Keycloak's internal one.
   */
  @Bean
  ClientRegistrationRepository clientRegistrations() {
    return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
        .clientName("Keycloak")
        .clientId(keycloak.webappsClientId())
        .clientSecret(keycloak.webappsClientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .issuerUri(keycloak.issuer())
        .authorizationUri(keycloak.browserEndpoint("auth"))
        .tokenUri(keycloak.endpoint("token"))
        .jwkSetUri(keycloak.endpoint("certs"))
        .userInfoUri(keycloak.endpoint("userinfo"))
        .userNameAttributeName(USER_NAME)
        .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.browserEndpoint("logout")))
        .build());
  }

  /** The realm's tokens only, and only those issued for this API. */
  @Bean
  JwtDecoder apiTokens() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.endpoint("certs")).build();
    JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
        (List<String> audiences) -> audiences != null && audiences.contains(keycloak.apiAudience()));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(keycloak.issuer()), audience));
    return decoder;
  }
}
