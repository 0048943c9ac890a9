package ru.cur.appeals.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import ru.cur.appeals.referencedata.Organization;

/**
 * Who may read which appeals through {@code /api}: the role groups in {@link Roles#READ_ALL} read
 * every appeal; an organisation's members and heads read the appeals their organisation holds;
 * anyone else (a channel system, for one) reads none.
 */
public final class AppealReader {

  private final boolean seesAll;
  private final Set<String> organizations;

  private AppealReader(boolean seesAll, Set<String> organizations) {
    this.seesAll = seesAll;
    this.organizations = organizations;
  }

  public static AppealReader of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
    boolean seesAll = groups.stream().anyMatch(Roles.READ_ALL::contains);
    Set<String> organizations = groups.stream()
        .filter(group -> !Roles.ALL.contains(group))
        .map(AppealReader::organizationOf)
        .collect(Collectors.toUnmodifiableSet());
    if (!seesAll && organizations.isEmpty()) {
      throw new AccessDeniedException("User " + authentication.getName() + " may not read appeals");
    }
    return new AppealReader(seesAll, organizations);
  }

  private static String organizationOf(String group) {
    String heads = Organization.headsGroupOf("");
    return group.endsWith(heads) ? group.substring(0, group.length() - heads.length()) : group;
  }

  public boolean seesAll() {
    return seesAll;
  }

  public Set<String> organizations() {
    return organizations;
  }

  public boolean canRead(String organization) {
    return seesAll || organization != null && organizations.contains(organization);
  }
}
