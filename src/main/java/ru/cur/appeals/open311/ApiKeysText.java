package ru.cur.appeals.open311;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code appeals.open311.api-keys} given as one line of text, as an environment variable must give it:
 * {@code key1=Client one,key2=Client two}. An empty line is no keys. A map written out in YAML (the demo
 * profile) does not pass through here.
 *
 * <p>It never refuses the text: Spring would report the refused value, keys included, in the log. A pair without
 * a name reads as a key without one, which {@link Open311Clients} refuses without showing it.
 */
@Component
@ConfigurationPropertiesBinding
class ApiKeysText implements Converter<String, Map<String, String>> {

  @Override
  public Map<String, String> convert(String text) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (!pair.isBlank()) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        keys.put(key.trim(), equals < 0 ? "" : pair.substring(equals + 1).trim());
      }
    }
    return keys;
  }
}
