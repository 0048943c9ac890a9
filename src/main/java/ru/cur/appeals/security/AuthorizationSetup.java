package ru.cur.appeals.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static ru.cur.appeals.security.StaffGroups.grant;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations of every role and organisation group, granted on every start (in every
 * mode: they name groups, which may come from the demo or from Keycloak). Tasks need little here: the engine
 * grants a task's candidate group the right to see and work that task when it is created, and the groups who
 * see every task read them through one grant ({@link CenterWideTaskReaders}).
 */
@Component
@Order(1)
class AuthorizationSetup extends AbstractProcessEnginePlugin {

  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";

  private final StaffGroups staff;

  AuthorizationSetup(StaffGroups staff) {
    this.staff = staff;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new CenterWideTaskReaders());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : staff.all()) {
      grant(authorizations, group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    // Each filter names who reads it (TasklistFilters); a grant on every filter, given before, is taken back.
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.FILTER)
        .resourceId(ANY).groupIdIn(staff.all().toArray(String[]::new)).list()
        .forEach(everyFilter -> authorizations.deleteAuthorization(everyFilter.getId()));
    // Moderators read every appeal (Roles.READ_ALL), so every task too: one row instead of one per task.
    grant(authorizations, Roles.MODERATORS, Resources.TASK, ANY, Permissions.READ);
    for (String group : List.of(Roles.SUPERVISORS, Roles.MANAGERS, Roles.AUDITORS)) {
      grant(authorizations, group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(authorizations, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    grant(authorizations, Roles.PROCESS_OWNERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(authorizations, Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY,
        Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(authorizations, Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ, Permissions.UPDATE, Permissions.READ_HISTORY);
    grant(authorizations, Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.UPDATE, Permissions.READ_HISTORY);
    grant(authorizations, Roles.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    for (Resources resource : Resources.values()) {
      grant(authorizations, Roles.ADMIN, resource, ANY, Permissions.ALL);
    }
  }
}
