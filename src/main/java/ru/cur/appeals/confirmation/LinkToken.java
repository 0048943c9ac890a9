package ru.cur.appeals.confirmation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a resident's personal link. Whoever holds the link answers for the resident, so it is
 * unguessable (256 random bits) and only its hash is stored: the table alone opens no link.
 */
final class LinkToken {

  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkToken() {}

  /** A new token, base64url without padding: 43 characters that travel in a URL path as they are. */
  static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the token as 64 lowercase hex digits: what the table keeps and looks links up by. */
  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
