package ru.cur.appeals.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.Organization;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * The demo's users and groups (SPEC §5), created only in the embedded demo: every password is the
 * user's name. The administrator exists from the first start, so the webapps' first-admin setup
 * never has anything to offer.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "appeals.demo-users", havingValue = "true")
class DemoIdentity extends AbstractProcessEnginePlugin {

  private static final String BERDSK_POLYCLINIC = "berdsk-polyclinic";
  private static final String BERDSK_ADMINISTRATION = "berdsk-administration";
  private static final String MINISTRY_OF_HEALTH = "minzdrav-nso";

  private static final Map<String, String> ROLE_GROUPS = Map.of(
      Roles.MODERATORS, "Модераторы ЦУР",
      Roles.SUPERVISORS, "Контроль сроков",
      Roles.MANAGERS, "Руководство региона",
      Roles.AUDITORS, "Аудиторы",
      Roles.PROCESS_OWNERS, "Владельцы процессов",
      Roles.ADMIN, "Администраторы Camunda",
      Roles.INTAKE, "Системы-источники обращений",
      Roles.MONITORING, "Мониторинг (Prometheus)");

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "Администратор", "Системы", List.of(Roles.ADMIN)),
      new DemoUser("moderator", "Мария", "Модераторова", List.of(Roles.MODERATORS)),
      new DemoUser("executor", "Иван", "Исполнителев",
          List.of(BERDSK_POLYCLINIC, BERDSK_ADMINISTRATION)),
      new DemoUser("head", "Елена", "Руководителева",
          List.of(BERDSK_POLYCLINIC, BERDSK_ADMINISTRATION, Organization.headsGroupOf(BERDSK_POLYCLINIC),
              Organization.headsGroupOf(BERDSK_ADMINISTRATION))),
      new DemoUser("manager", "Михаил", "Менеджеров", List.of(Roles.MANAGERS)),
      new DemoUser("supervisor", "Светлана", "Контролёва", List.of(Roles.SUPERVISORS)),
      new DemoUser("auditor", "Алексей", "Аудиторов", List.of(Roles.AUDITORS)),
      new DemoUser("owner", "Ольга", "Процессова", List.of(Roles.PROCESS_OWNERS)),
      new DemoUser("ministry", "Дмитрий", "Минздравов", List.of(MINISTRY_OF_HEALTH)),
      new DemoUser("intake", "Канал", "Приёма", List.of(Roles.INTAKE)));

  private final ReferenceData referenceData;

  DemoIdentity(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    ROLE_GROUPS.forEach((id, name) -> group(identity, id, name, Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW"));
    for (Organization organization : referenceData.organizations()) {
      group(identity, organization.code(), organization.name(), "ORGANIZATION");
      group(identity, organization.headsGroup(), "Руководители: " + organization.name(), "ORGANIZATION");
    }
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setPassword(demo.id());
        user.setEmail(demo.id() + "@demo.cur.local");
        identity.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }
}
