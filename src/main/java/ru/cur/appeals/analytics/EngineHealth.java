package ru.cur.appeals.analytics;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * The engine answers and has the appeal process deployed; failed jobs and open incidents are shown, not
 * counted as down: each is one appeal stuck, which Cockpit shows, while the engine serves all others.
 */
@Component("engine")
class EngineHealth implements HealthIndicator {

  private final RepositoryService repository;
  private final ManagementService management;
  private final RuntimeService runtime;

  EngineHealth(RepositoryService repository, ManagementService management, RuntimeService runtime) {
    this.repository = repository;
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    long deployed = repository.createProcessDefinitionQuery().processDefinitionKey(AppealProcess.KEY).count();
    return (deployed > 0 ? Health.up() : Health.down())
        .withDetail("appealProcessVersions", deployed)
        .withDetail("failedJobs", management.createJobQuery().noRetriesLeft().count())
        .withDetail("openIncidents", runtime.createIncidentQuery().count())
        .build();
  }
}
