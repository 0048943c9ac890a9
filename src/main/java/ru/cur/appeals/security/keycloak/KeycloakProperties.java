package ru.cur.appeals.security.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the region's Keycloak is and how the application is registered there (production profile).
 *
 * @param url Keycloak as the application reaches it, e.g. {@code http://keycloak:8080} inside a compose network
 * @param publicUrl Keycloak as browsers reach it; tokens name it as their issuer (Keycloak's {@code KC_HOSTNAME})
 * @param realm the realm of the region's staff and channel systems
 * @param webappsClientId the client the webapps log users in with (authorization code flow)
 * @param webappsClientSecret that client's secret
 * @param apiAudience the audience a token must carry to call {@code /api} and {@code /engine-rest}
 */
@ConfigurationProperties("appeals.keycloak")
public record KeycloakProperties(
    String url, String publicUrl, String realm, String webappsClientId, String webappsClientSecret,
    String apiAudience) {

  /** The issuer of the realm's tokens, as they name it. */
  public String issuer() {
    return strip(publicUrl) + "/realms/" + realm;
  }

  /** The realm's OpenID Connect endpoints, as the application reaches them. */
  public String endpoint(String name) {
    return strip(url) + "/realms/" + realm + "/protocol/openid-connect/" + name;
  }

  /** An endpoint the browser is sent to (login, logout). */
  public String browserEndpoint(String name) {
    return issuer() + "/protocol/openid-connect/" + name;
  }

  private static String strip(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
