package ru.cur.appeals.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who an {@code api_key} belongs to. */
@Component
class Open311Clients {

  private final List<Client> clients;

  Open311Clients(Open311Properties properties) {
    int position = 0;
    for (Map.Entry<String, String> entry : properties.apiKeys().entrySet()) {
      position++;
      if (entry.getKey().isBlank() || entry.getValue() == null || entry.getValue().isBlank()) {
        // Which entry, never the entry itself: it may be a key.
        throw new IllegalStateException("appeals.open311.api-keys (APPEALS_OPEN311_API_KEYS) must list "
            + "key=client-name pairs separated by commas; entry " + position + " has no key or no name");
      }
    }
    clients = properties.apiKeys().entrySet().stream()
        .map(entry -> new Client(sha256(entry.getKey()), entry.getValue()))
        .toList();
  }

  /**
   * The client's name. Every configured key is compared, each in constant time, so the answer's timing tells
   * nothing about how close a guess came.
   */
  Optional<String> clientOf(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) {
      return Optional.empty();
    }
    byte[] given = sha256(apiKey);
    String found = null;
    for (Client client : clients) {
      if (MessageDigest.isEqual(client.keyHash(), given)) {
        found = client.name();
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private record Client(byte[] keyHash, String name) {}
}
