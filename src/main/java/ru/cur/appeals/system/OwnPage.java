package ru.cur.appeals.system;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A page of the application's own (the dashboard, the audit view): its HTML with a Content Security Policy that
 * lets it load only from the application — no CDN, works in a closed network — and never cached, since it is
 * read with a user's session.
 */
public final class OwnPage {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private OwnPage() {}

  public static ResponseEntity<Resource> of(Resource page, String contentSecurityPolicy) {
    return ResponseEntity.ok()
        .contentType(HTML)
        .header("Content-Security-Policy", contentSecurityPolicy)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(page);
  }
}
