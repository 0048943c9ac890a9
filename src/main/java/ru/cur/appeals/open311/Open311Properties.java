package ru.cur.appeals.open311;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Open311 clients the appeal center has let in.
 *
 * @param apiKeys each client's {@code api_key} and the client's name (logs and idempotency tell clients apart by
 *     it, so a client keeps its name when its key is replaced). The demo's key is in the demo profile only;
 *     production reads them from {@code APPEALS_OPEN311_API_KEYS} as {@code key=name} pairs separated by commas
 *     ({@link ApiKeysText}). No keys: every Open311 call is refused.
 */
@ConfigurationProperties("appeals.open311")
record Open311Properties(Map<String, String> apiKeys) {

  Open311Properties {
    apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
  }
}
