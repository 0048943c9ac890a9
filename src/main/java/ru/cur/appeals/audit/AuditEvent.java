package ru.cur.appeals.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an appeal, wherever it was recorded (the engine's history or the application's
 * tables): when, who, what and the particulars. {@code processDefinitionId} and {@code activityId} place it on a
 * diagram; {@code level} is the delegation level the appeal stood at then (empty before any chain).
 */
public record AuditEvent(
    Instant time,
    AuditEventType type,
    String actor,
    String summary,
    String processInstanceId,
    String processDefinitionId,
    String activityId,
    Integer level,
    Map<String, String> details) {

  /** Who acts for the application itself: a service task, a timer, a delivery round. */
  public static final String SYSTEM = "система";
  /** The resident, through the personal link. */
  public static final String RESIDENT = "заявитель";

  /** The kind of event in the auditor's words. */
  @JsonProperty("typeName")
  public String typeName() {
    return type.label();
  }

  AuditEvent withLevel(Integer level) {
    return new AuditEvent(time, type, actor, summary, processInstanceId, processDefinitionId, activityId, level, details);
  }

  AuditEvent masked(PersonalData personal) {
    return new AuditEvent(time, type, actor, personal.mask(summary), processInstanceId, processDefinitionId, activityId,
        level, personal.mask(details));
  }
}
