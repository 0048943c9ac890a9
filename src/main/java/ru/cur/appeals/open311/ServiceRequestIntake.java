package ru.cur.appeals.open311;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.intake.AppealIntake;
import ru.cur.appeals.intake.AppealSubmission;
import ru.cur.appeals.referencedata.Category;

/**
 * {@code POST requests}: a service request becomes an appeal of the channel {@code OPEN311} through the intake
 * every channel uses, so it is checked, stored and started in one transaction like any other.
 *
 * <p>GeoReport v2 gives a request no id of the client's, yet clients retry when an answer is lost. The appeal's
 * {@code externalId} is therefore the request's fingerprint: the client and every parameter it sent, with the
 * day. The same request again that day or the next is the appeal already filed; the same words a week later are
 * a new report (the pothole came back), which the moderator sees linked as a repeat.
 */
@Component
class ServiceRequestIntake {

  private final AppealIntake intake;
  private final AppealRepository appeals;
  private final ServiceCatalogue catalogue;
  private final RequestLocation location;
  private final Clock clock;

  ServiceRequestIntake(AppealIntake intake, AppealRepository appeals, ServiceCatalogue catalogue,
      RequestLocation location, Clock clock) {
    this.intake = intake;
    this.appeals = appeals;
    this.catalogue = catalogue;
    this.location = location;
    this.clock = clock;
  }

  record Filed(Appeal appeal, boolean created) {}

  Filed file(String client, ServiceRequestForm form) {
    Category service = service(form.serviceCode());
    Set<String> unknown = new TreeSet<>(form.attributes().keySet());
    unknown.remove(ServiceCatalogue.TERRITORY);
    if (!unknown.isEmpty()) {
      throw Open311Exception.badRequest("attribute" + unknown + ": the service has no such attribute; "
          + "GET services/" + service.code() + " lists its attributes");
    }
    RequestLocation.Place place = location.of(form);
    String fingerprint = fingerprint(client, form);
    LocalDate today = LocalDate.now(clock);
    Optional<Appeal> filedYesterday =
        appeals.findByExternalId(Channel.OPEN311, externalId(today.minusDays(1), fingerprint));
    if (filedYesterday.isPresent()) {
      return new Filed(filedYesterday.get(), false);
    }
    AppealIntake.Submitted submitted = intake.submit(new AppealSubmission(
        Channel.OPEN311.name(),
        externalId(today, fingerprint),
        // The spec makes the description optional: the service and the place are then the whole report.
        form.description() != null ? form.description() : service.name(),
        new AppealSubmission.Author(form.name(), form.email(), form.phone(), null, null),
        place.territory(),
        place.lat() == null ? null : new AppealSubmission.Location(place.lat(), place.lon()),
        form.addressString(),
        service.code(),
        form.mediaUrl(),
        null));
    return new Filed(submitted.appeal(), submitted.created());
  }

  private Category service(String code) {
    if (code == null) {
      throw Open311Exception.badRequest("service_code is required; GET services lists them");
    }
    return catalogue.service(code).orElseThrow(() -> Open311Exception.badRequest(
        "service_code: unknown service '" + code + "'; GET services lists them"));
  }

  private static String externalId(LocalDate day, String fingerprint) {
    return "open311/" + day + "/" + fingerprint;
  }

  /** SHA-256 of the client and the parameters, each length-prefixed so that no two requests share the input. */
  static String fingerprint(String client, ServiceRequestForm form) {
    List<String> parts = new ArrayList<>(List.of(client));
    parts.addAll(Arrays.asList(form.serviceCode(), form.lat(), form.lon(), form.addressString(),
        form.addressId(), form.description(), form.email(), form.firstName(), form.lastName(), form.phone(),
        form.mediaUrl(), form.deviceId(), form.accountId()));
    form.attributes().forEach((code, value) -> {
      parts.add(code);
      parts.add(value);
    });
    StringBuilder input = new StringBuilder();
    for (String part : parts) {
      input.append(part == null ? -1 : part.length()).append(':').append(part == null ? "" : part);
    }
    return HexFormat.of().formatHex(Open311Clients.sha256(input.toString()));
  }
}
