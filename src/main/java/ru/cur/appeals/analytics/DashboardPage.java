package ru.cur.appeals.analytics;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.cur.appeals.system.OwnPage;

/**
 * {@code /dashboard}: the region's heads' page (heat map, top categories, overdue by organisation, appeals per
 * day). Static, with its script and style beside it; it reads {@code /dashboard/api/…} as the user logged into
 * the webapps, so it needs no login of its own and shows exactly what the API shows that user.
 */
@Controller
class DashboardPage {

  private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");
  /** Everything comes from the application itself: no CDN, works in a closed network. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  @GetMapping({"/dashboard", "/dashboard/"})
  ResponseEntity<Resource> page() {
    return OwnPage.of(PAGE, CONTENT_SECURITY_POLICY);
  }
}
