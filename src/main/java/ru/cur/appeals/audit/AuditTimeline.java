package ru.cur.appeals.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * Merges the engine's history and the application's records of an appeal into one timeline, oldest first, each
 * event with the delegation level the appeal stood at then, and hides the resident's personal data from readers
 * who do not need it.
 */
@Component
public class AuditTimeline {

  /**
   * Events of one instant keep the order their source recorded them in (the engine's sequence, the row ids), but for
   * the appeal's beginning and end ({@link AuditEventType#rankInInstant()}).
   */
  private static final Comparator<AuditEvent> CHRONOLOGICAL = Comparator.comparing(AuditEvent::time)
      .thenComparing(event -> event.type().rankInInstant());

  private final EngineHistory engine;
  private final AppealHistory application;
  private final ReferenceData referenceData;

  AuditTimeline(EngineHistory engine, AppealHistory application, ReferenceData referenceData) {
    this.engine = engine;
    this.application = application;
    this.referenceData = referenceData;
  }

  /** The process instances of the appeal: its own, its problem's, and those they called. */
  public List<AuditProcess> processesOf(Appeal appeal) {
    return engine.processesOf(appeal.registrationNumber(), application.problemProcessOf(appeal).orElse(null));
  }

  public AuditRecord of(Appeal appeal, boolean masked) {
    List<AuditProcess> processes = processesOf(appeal);
    List<AuditEvent> events = new ArrayList<>();
    for (AuditProcess process : processes) {
      events.addAll(engine.eventsOf(process));
    }
    events.addAll(application.eventsOf(appeal));
    PersonalData personal = masked ? PersonalData.of(appeal) : PersonalData.none();
    List<AuditEvent> timeline = withLevels(events.stream().filter(event -> event.time() != null)
        .sorted(CHRONOLOGICAL).toList()).stream().map(event -> event.masked(personal)).toList();
    return new AuditRecord(summary(appeal, masked, personal), masked, processes, application.deadlinesOf(appeal),
        timeline);
  }

  /** The level is the process variable {@code delegationLevel} as it stood when each event happened. */
  private static List<AuditEvent> withLevels(List<AuditEvent> events) {
    List<AuditEvent> placed = new ArrayList<>(events.size());
    Integer level = null;
    for (AuditEvent event : events) {
      if (event.type() == AuditEventType.VARIABLE_CHANGED
          && AppealProcess.DELEGATION_LEVEL.equals(event.details().get("variable"))) {
        level = parse(event.details().get("newValue"), level);
      }
      placed.add(event.withLevel(level));
    }
    return placed;
  }

  private static Integer parse(String value, Integer otherwise) {
    try {
      return value == null ? otherwise : Integer.valueOf(value.strip());
    } catch (NumberFormatException notANumber) {
      return otherwise;
    }
  }

  private AuditRecord.Summary summary(Appeal appeal, boolean masked, PersonalData personal) {
    Appeal.Author author = Objects.requireNonNullElse(appeal.author(), new Appeal.Author(null, null, null, null, null));
    AuditRecord.Resident resident = new AuditRecord.Resident(PersonalData.field(author.name(), masked),
        PersonalData.field(author.email(), masked), PersonalData.field(author.phone(), masked),
        PersonalData.field(author.postalAddress(), masked), PersonalData.field(author.profileUrl(), masked));
    return new AuditRecord.Summary(appeal.registrationNumber(), String.valueOf(appeal.channel()),
        String.valueOf(appeal.status()), appeal.outcome() == null ? null : appeal.outcome().name(),
        appeal.closingReason(), appeal.category(), appeal.territory(), appeal.organization(), appeal.responseType(),
        appeal.problem(), appeal.receivedAt() == null ? null : appeal.receivedAt().toInstant(),
        appeal.closedAt() == null ? null : appeal.closedAt().toInstant(), resident,
        PersonalData.field(appeal.address(), masked), personal.mask(appeal.text()),
        appeal.category() == null ? null : referenceData.categoryName(appeal.category()),
        appeal.territory() == null ? null : referenceData.territoryName(appeal.territory()),
        appeal.organization() == null ? null : referenceData.organizationName(appeal.organization()),
        appeal.channel() == null ? null : appeal.channel().title());
  }
}
