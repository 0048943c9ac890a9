package ru.cur.appeals.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealNotFoundException;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.system.NotFoundException;

/**
 * An appeal's audit record: the timeline, its exports (JSON, CSV, a PDF report), the decision replay and the
 * diagrams of the processes it ran in. The same answers under {@code /api/appeals/{id}/audit} (API credentials)
 * and under {@code /audit/api/{id}} (the webapps' login, for the audit view). Who may read it is {@link AuditAccess};
 * every read is recorded ({@link AuditReads}).
 */
@RestController
class AuditController {

  private static final String API = "/api/appeals/{id}/audit";
  private static final String VIEW = "/audit/api/{id}";
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final AppealRepository appeals;
  private final AuditTimeline timeline;
  private final DecisionReplay replay;
  private final AuditCsv csv;
  private final AuditPdf pdf;
  private final AuditReads reads;
  private final RepositoryService repository;

  AuditController(AppealRepository appeals, AuditTimeline timeline, DecisionReplay replay, AuditCsv csv, AuditPdf pdf,
      AuditReads reads, RepositoryService repository) {
    this.appeals = appeals;
    this.timeline = timeline;
    this.replay = replay;
    this.csv = csv;
    this.pdf = pdf;
    this.reads = reads;
    this.repository = repository;
  }

  @GetMapping({API, VIEW})
  AuditRecord record(@PathVariable("id") String id, Authentication authentication) {
    return read(id, authentication, AuditReads.What.TIMELINE);
  }

  @GetMapping({API + "/export.json", VIEW + "/export.json"})
  ResponseEntity<AuditRecord> json(@PathVariable("id") String id, Authentication authentication) {
    AuditRecord record = read(id, authentication, AuditReads.What.JSON);
    return attachment(id, "json", MediaType.APPLICATION_JSON).body(record);
  }

  @GetMapping({API + "/export.csv", VIEW + "/export.csv"})
  ResponseEntity<String> csv(@PathVariable("id") String id, Authentication authentication) {
    AuditRecord record = read(id, authentication, AuditReads.What.CSV);
    return attachment(id, "csv", CSV).body(csv.write(record));
  }

  @GetMapping({API + "/export.pdf", VIEW + "/export.pdf"})
  ResponseEntity<byte[]> pdf(@PathVariable("id") String id, Authentication authentication) {
    AuditRecord record = read(id, authentication, AuditReads.What.PDF);
    List<DecisionReplay.Replayed> decisions = replay.replay(record.processes().stream().map(AuditProcess::id).toList());
    return attachment(id, "pdf", MediaType.APPLICATION_PDF).body(pdf.render(record, decisions, authentication.getName()));
  }

  /** Every decision of the appeal evaluated again: with the version used then, and with today's. */
  @GetMapping({API + "/decisions", VIEW + "/decisions"})
  List<DecisionReplay.Replayed> decisions(@PathVariable("id") String id, Authentication authentication) {
    Appeal appeal = readable(id, authentication, AuditReads.What.DECISIONS);
    return replay.replay(timeline.processesOf(appeal).stream().map(AuditProcess::id).toList());
  }

  /** The BPMN of a model version one of the appeal's processes ran on, for its diagram. */
  @GetMapping(path = {API + "/diagrams/{definition}", VIEW + "/diagrams/{definition}"},
      produces = MediaType.APPLICATION_XML_VALUE)
  String diagram(@PathVariable("id") String id, @PathVariable("definition") String definition,
      Authentication authentication) throws IOException {
    Appeal appeal = readable(id, authentication, AuditReads.What.DIAGRAM);
    // Any version of a model the appeal ran on: an instance migrated between versions took steps on both.
    String key = repository.createProcessDefinitionQuery().processDefinitionId(definition).list().stream()
        .map(ProcessDefinition::getKey).findFirst().orElse(null);
    boolean ranOnIt = timeline.processesOf(appeal).stream().anyMatch(process -> process.key().equals(key));
    if (!ranOnIt) {
      throw new NotFoundException("Appeal " + id + " ran on no process definition " + definition);
    }
    try (InputStream xml = repository.getProcessModel(definition)) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private AuditRecord read(String id, Authentication authentication, AuditReads.What what) {
    Appeal appeal = readable(id, authentication, what);
    return timeline.of(appeal, AuditAccess.of(authentication).masked());
  }

  private Appeal readable(String id, Authentication authentication, AuditReads.What what) {
    AuditAccess access = AuditAccess.of(authentication);
    Appeal appeal = appeals.findByNumber(id).orElseThrow(() -> new AppealNotFoundException(id));
    reads.record(id, access, what);
    return appeal;
  }

  private static ResponseEntity.BodyBuilder attachment(String id, String extension, MediaType type) {
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("audit-" + id + "." + extension, StandardCharsets.UTF_8).build()
            .toString());
  }
}
