package ru.cur.appeals.confirmation;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a resident opens from the notice, {@code /confirm/<token>}: one static page that reads and
 * answers the link through {@code /api/confirmations}. The same page for every token, so it tells
 * nothing by itself about which links exist.
 */
@Controller
class ConfirmationPage {

  private static final Resource PAGE = new ClassPathResource("confirmation/confirm.html");
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  /** The page loads nothing from elsewhere; its own script and style are inline. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
      + "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  @GetMapping("/confirm/{token}")
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok()
        .contentType(HTML)
        // The token is in the address: it must not travel on as a referrer.
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(PAGE);
  }
}
