package ru.cur.appeals.intake.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import ru.cur.appeals.security.Roles;

/**
 * {@code POST /api/appeals/import}: a CSV file of appeals registered in another registry, sent as the body
 * ({@code text/csv}) and read as a stream, answered {@code 202} with the job's report and its address.
 * Importing is registration work: the appeal center's registry clerks (moderators) and administrators do
 * it, never a channel system.
 */
@RestController
@RequestMapping("/api/appeals/import")
class ImportController {

  private static final Set<String> IMPORTERS = Set.of(Roles.MODERATORS, Roles.ADMIN);

  private final AppealImport appealImport;

  ImportController(AppealImport appealImport) {
    this.appealImport = appealImport;
  }

  @PostMapping(consumes = "text/csv")
  ResponseEntity<ImportReport> start(HttpServletRequest request, Authentication authentication) throws IOException {
    requireImporter(authentication);
    ImportReport report = appealImport.start(request.getInputStream(), authentication.getName());
    URI location = UriComponentsBuilder.fromPath("/api/appeals/import/{id}").buildAndExpand(report.id()).toUri();
    return ResponseEntity.accepted().location(location).body(report);
  }

  @GetMapping("/{id}")
  ImportReport report(@PathVariable("id") String id, Authentication authentication) {
    requireImporter(authentication);
    return appealImport.report(id);
  }

  private static void requireImporter(Authentication authentication) {
    boolean importer = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(IMPORTERS::contains);
    if (!importer) {
      throw new AccessDeniedException("Only the appeal center's registry clerks (" + Roles.MODERATORS
          + ") and administrators (" + Roles.ADMIN + ") import appeals");
    }
  }
}
