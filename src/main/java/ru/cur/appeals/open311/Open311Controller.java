package ru.cur.appeals.open311;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.referencedata.Category;
import ru.cur.appeals.regulation.Deadlines;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for the region's appeal center: the category
 * catalogue as services, service requests filed as appeals of the channel {@code OPEN311}, and their progress.
 * The format is the path's extension, {@code .json} or {@code .xml}; every call carries the client's
 * {@code api_key} ({@link ApiKeyFilter}).
 */
@RestController
class Open311Controller {

  static final String BASE = "/open311/v2";
  private static final String FORMAT = ".{format:json|xml}";
  /** When the API last changed in a way its clients see: discovery tells them to look again. */
  private static final String CHANGESET = "2026-11-23T00:00:00Z";

  private final ServiceCatalogue catalogue;
  private final ServiceRequestIntake intake;
  private final ServiceRequests requests;
  private final Deadlines deadlines;
  private final Open311Writer writer;
  private final Clock clock;
  private final String publicUrl;

  Open311Controller(ServiceCatalogue catalogue, ServiceRequestIntake intake, ServiceRequests requests,
      Deadlines deadlines, Open311Writer writer, Clock clock, @Value("${appeals.public-url}") String publicUrl) {
    this.catalogue = catalogue;
    this.intake = intake;
    this.requests = requests;
    this.deadlines = deadlines;
    this.writer = writer;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /** The spec's service discovery: where this endpoint is and which formats it speaks. */
  @GetMapping(BASE + "/discovery" + FORMAT)
  ResponseEntity<String> discovery(@PathVariable("format") String format) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", publicUrl.replaceAll("/+$", "") + BASE);
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", new Open311Document.Elements("format", List.of("text/xml", "application/json")));
    Map<String, Object> discovery = new LinkedHashMap<>();
    discovery.put("changeset", CHANGESET);
    discovery.put("contact", "Центр управления регионом");
    discovery.put("key_service", "Ключ api_key выдаёт Центр управления регионом по заявке разработчика приложения");
    discovery.put("endpoints", new Open311Document.Elements("endpoint", List.of(endpoint)));
    return ok(format, new Open311Document("discovery", discovery));
  }

  @GetMapping(BASE + "/services" + FORMAT)
  ResponseEntity<String> services(@PathVariable("format") String format) {
    return ok(format, Open311Document.list("services", "service",
        catalogue.services().stream().map(catalogue::summary).toList()));
  }

  @GetMapping(BASE + "/services/{code}" + FORMAT)
  ResponseEntity<String> service(@PathVariable("code") String code, @PathVariable("format") String format) {
    Category service = catalogue.service(code)
        .orElseThrow(() -> Open311Exception.notFound("No service '" + code + "'; GET services lists them"));
    return ok(format, new Open311Document("service_definition", catalogue.definition(service)));
  }

  /** {@code 201} for a new request, {@code 200} with the same id when the client repeats one (see the intake). */
  @PostMapping(BASE + "/requests" + FORMAT)
  ResponseEntity<String> create(@PathVariable("format") String format, @RequestParam MultiValueMap<String, String> form,
      @RequestAttribute(ApiKeyFilter.CLIENT) String client) {
    ServiceRequestForm request = ServiceRequestForm.of(form);
    ServiceRequestIntake.Filed filed = intake.file(client, request);
    Appeal appeal = filed.appeal();
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("service_request_id", appeal.registrationNumber());
    receipt.put("service_notice", requests.notice(appeal, deadlines.of(appeal.id())));
    receipt.put("account_id", request.accountId());
    return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(UriComponentsBuilder.fromPath(BASE + "/requests/{id}.{format}")
            .buildAndExpand(appeal.registrationNumber(), format).encode().toUri())
        .contentType(format(format).contentType())
        .body(writer.text(format(format), Open311Document.list("service_requests", "request", List.of(receipt))));
  }

  @GetMapping(BASE + "/requests" + FORMAT)
  ResponseEntity<String> requests(@PathVariable("format") String format,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCodes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "status", required = false) String status) {
    RequestQuery query = RequestQuery.of(ids, serviceCodes, startDate, endDate, status, OffsetDateTime.now(clock));
    query.serviceCodes().stream().filter(code -> catalogue.service(code).isEmpty()).findFirst().ifPresent(code -> {
      throw Open311Exception.badRequest("service_code: unknown service '" + code + "'; GET services lists them");
    });
    return ok(format, Open311Document.list("service_requests", "request", requests.find(query)));
  }

  @GetMapping(BASE + "/requests/{id}" + FORMAT)
  ResponseEntity<String> request(@PathVariable("id") String id, @PathVariable("format") String format) {
    Map<String, Object> found = requests.get(id)
        .orElseThrow(() -> Open311Exception.notFound("No service request " + id));
    return ok(format, Open311Document.list("service_requests", "request", List.of(found)));
  }

  /** Anything else under Open311 (another version, another format), so that clients get the spec's error. */
  @RequestMapping("/open311/**")
  ResponseEntity<String> unknown() {
    throw Open311Exception.notFound("No such Open311 resource; the API has discovery, services, "
        + "services/{service_code}, requests and requests/{service_request_id}, each ending in .json or .xml");
  }

  private ResponseEntity<String> ok(String format, Open311Document document) {
    return writer.response(HttpStatus.OK, format(format), document);
  }

  private static Open311Format format(String extension) {
    return Open311Format.valueOf(extension.toUpperCase(Locale.ROOT));
  }
}
