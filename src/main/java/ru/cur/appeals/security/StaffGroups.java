package ru.cur.appeals.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.Organization;
import ru.cur.appeals.referencedata.ReferenceData;

/** The groups of the center's staff (SPEC roles, organisations and their heads) and the grants given to them. */
@Component
public class StaffGroups {

  private final ReferenceData referenceData;

  StaffGroups(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  /** Every group whose members work in Tasklist: the center's roles, each organisation and its heads. */
  public List<String> all() {
    List<String> groups = new ArrayList<>(List.of(
        Roles.MODERATORS, Roles.SUPERVISORS, Roles.MANAGERS, Roles.AUDITORS, Roles.PROCESS_OWNERS));
    for (Organization organization : referenceData.organizations()) {
      groups.add(organization.code());
      groups.add(organization.headsGroup());
    }
    return groups;
  }

  /** Grants the group the permissions on the resource, adding to what it has; nothing is written if it has them. */
  public static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(group);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
