package ru.cur.appeals.audit;

import java.time.Instant;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** A process instance of the appeal's record, with the model version it ran on (its diagram). */
public record AuditProcess(
    String id,
    String definitionId,
    String key,
    String name,
    Integer version,
    String businessKey,
    String superProcessInstanceId,
    Instant startTime,
    Instant endTime,
    String startUserId,
    String state,
    String deleteReason) {

  static AuditProcess of(HistoricProcessInstance instance) {
    return new AuditProcess(instance.getId(), instance.getProcessDefinitionId(), instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(), instance.getBusinessKey(),
        instance.getSuperProcessInstanceId(), Details.instant(instance.getStartTime()),
        Details.instant(instance.getEndTime()), instance.getStartUserId(), instance.getState(),
        instance.getDeleteReason());
  }
}
