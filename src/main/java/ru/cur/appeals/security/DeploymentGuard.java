package ru.cur.appeals.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Only process owners deploy models, and no model carries a script. Checked in the engine, before its
 * own deployers parse anything, so that every way in (the REST API, Camunda Modeler, Cockpit through
 * the webapps' engine API) meets the same rule, and a refusal rolls the whole deployment back.
 *
 * <p>The deployment {@code CREATE} authorization is not enough: members of {@code camunda-admin} pass
 * every authorization check. The user is the one set on the engine
 * ({@code IdentityService#getCurrentAuthentication}, set by {@link EngineAuthenticationFilter} and by the
 * webapps); a deployment without one is the application's own (its models on start) and is let through. Only new deployments are checked: the engine also runs its
 * deployers when it reloads a deployment from the database into its cache.
 *
 * <p>A refusal of a script is a {@link BadUserRequestException}, which Camunda's own exception handling
 * answers with 400 and the message on the REST API and the webapps' engine API alike (a
 * {@code RuleViolation} would be a 500 here: its mapper only unwraps task-form submissions); a refused user
 * gets 403 through the {@link AuthorizationException}.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    preDeployers.add(this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    refuseAnyoneButProcessOwners(Context.getCommandContext().getAuthentication());
    for (ResourceEntity resource : deployment.getResources().values()) {
      ScriptDetector.reasonToRefuse(resource.getName(), resource.getBytes()).ifPresent(reason -> {
        throw new BadUserRequestException("Resource '" + resource.getName() + "' is refused: " + reason
            + ". Models of this application use JUEL and FEEL expressions only, no scripts.");
      });
    }
  }

  private static void refuseAnyoneButProcessOwners(Authentication authentication) {
    if (authentication == null) {
      return;
    }
    List<String> groups = authentication.getGroupIds();
    if (groups == null || !groups.contains(Roles.PROCESS_OWNERS)) {
      throw new AuthorizationException("Only process owners deploy models: user '" + authentication.getUserId()
          + "' is not in group '" + Roles.PROCESS_OWNERS + "'.");
    }
  }
}
