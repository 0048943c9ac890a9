package ru.cur.appeals.security.keycloak;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keycloak's users and groups are Camunda's (read only): Tasklist's candidate groups, Admin's lists and
 * the engine's authorizations all name Keycloak groups. Configured under {@code plugin.identity.keycloak}
 * (see {@code application-production.yaml}): user ids are user names, group ids are the group paths of
 * the realm's top-level groups, which are the organisation codes and role names of SPEC.
 */
@Component
@ConditionalOnProperty(name = "appeals.identity", havingValue = "keycloak")
@ConfigurationProperties(prefix = "plugin.identity.keycloak")
public class KeycloakIdentity extends KeycloakIdentityProviderPlugin {}
