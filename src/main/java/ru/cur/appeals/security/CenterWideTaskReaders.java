package ru.cur.appeals.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own authorizations of a task's candidate group, except that the groups who read every task anyway
 * ({@link Roles#READ_ALL}, granted reading on all tasks by {@link AuthorizationSetup}) get only the right to work
 * it, not a second right to read it. Why: the engine's task query joins every task with every authorization of
 * the user's groups that allows reading, comparing ids one by one; one such row per moderation task made the
 * moderators' Tasklist quadratic in the open appeals (IntakeBenchmark: 22 s for 4,000 of them). With one row for
 * all tasks the join is linear. Who may claim and complete a task does not change.
 */
class CenterWideTaskReaders extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity[] authorizations = super.newTaskGroupIdentityLink(task, groupId, type);
    if (authorizations != null && Roles.READ_ALL.contains(groupId)) {
      for (AuthorizationEntity authorization : authorizations) {
        if (authorization.getResourceType() == Resources.TASK.resourceType()) {
          authorization.removePermission(Permissions.READ);
        }
      }
    }
    return authorizations;
  }
}
