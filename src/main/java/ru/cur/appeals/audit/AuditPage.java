package ru.cur.appeals.audit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.cur.appeals.system.OwnPage;

/**
 * {@code /audit/{id}}: the auditor's replay of an appeal on its diagrams. Static, with its script beside it
 * ({@code static/audit/assets/}) and bpmn-js from its WebJar; it reads {@code /audit/api/{id}…} as the user logged
 * into the webapps, so it needs no login of its own and shows exactly what the API shows that user.
 */
@Controller
class AuditPage {

  private static final Resource PAGE = new ClassPathResource("static/audit/index.html");
  /**
   * Everything comes from the application itself: no CDN, works in a closed network. bpmn-js styles the diagram's
   * elements through their style attributes and embeds its icon font as data.
   */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  @GetMapping("/audit/{id}")
  ResponseEntity<Resource> page() {
    return OwnPage.of(PAGE, CONTENT_SECURITY_POLICY);
  }
}
