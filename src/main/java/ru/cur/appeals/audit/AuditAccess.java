package ru.cur.appeals.audit;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import ru.cur.appeals.security.Roles;

/**
 * Who may read an appeal's audit record, and whether the resident's personal data is hidden from them. Auditors
 * read everything: replaying an appeal is their job. Supervisors and managers read every record with the
 * personal data masked: they check how the work was done, not who wrote. Nobody else: an organisation reads its
 * own appeals through {@code /api/appeals} and its tasks' history, administrators administer, moderators
 * moderate, channel systems submit.
 */
record AuditAccess(String user, Set<String> groups, boolean masked) {

  static AuditAccess of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
    if (groups.contains(Roles.AUDITORS)) {
      return new AuditAccess(authentication.getName(), groups, false);
    }
    if (groups.contains(Roles.SUPERVISORS) || groups.contains(Roles.MANAGERS)) {
      return new AuditAccess(authentication.getName(), groups, true);
    }
    throw new AccessDeniedException("User " + authentication.getName() + " may not read audit records");
  }
}
