package ru.cur.appeals.open311;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.regulation.Deadline;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;
import ru.cur.appeals.system.RegionTime;

/**
 * {@code GET requests}: appeals as GeoReport v2 service requests, read from the application's own tables.
 *
 * <p><b>What an Open311 client may read.</b> GeoReport v2 treats service requests as public: any client lists
 * everyone's, to show the city's open problems on a map. Here that holds for appeals filed through Open311 only:
 * a resident who reports through an Open311 application publishes a report about a place, as in every Open311
 * city. Appeals from other channels never appear — a 59-ФЗ letter's content is confidential (59-ФЗ art. 6) and a
 * social-network post is the resident's own publication, not the center's to republish. Of an Open311 appeal a
 * client reads the service, the place, the status, the organisation and its answer; never the resident's name,
 * e-mail, phone, device or account. The resident's {@code description} and {@code media_url} are shown once the
 * moderator accepted the appeal, so that the center never republishes what its moderator rejected as abusive or
 * empty.
 */
@Component
class ServiceRequests {

  /** GeoReport v2: without dates, the last 90 days; a range is at most that long. */
  static final int MAX_DAYS = 90;
  /** GeoReport v2 advises no more than 1000 requests per answer. */
  static final int MAX_RESULTS = 1000;

  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final ReferenceData referenceData;
  private final RegionTime regionTime;
  private final Clock clock;

  ServiceRequests(AppealRepository appeals, Deadlines deadlines, ReferenceData referenceData, RegionTime regionTime,
      Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.referenceData = referenceData;
    this.regionTime = regionTime;
    this.clock = clock;
  }

  Optional<Map<String, Object>> get(String id) {
    return appeals.findByNumber(id)
        .filter(appeal -> appeal.channel() == Channel.OPEN311)
        .map(appeal -> view(appeal, deadlines.of(appeal.id())));
  }

  List<Map<String, Object>> find(RequestQuery query) {
    List<Appeal> found = query.ids().isEmpty()
        ? appeals.list(new AppealRepository.ChannelListing(Channel.OPEN311, query.serviceCodes(), query.from(),
            query.to(), query.closed(), MAX_RESULTS))
        : appeals.findByNumbers(Channel.OPEN311, query.ids());
    Map<Long, Map<String, Deadline>> terms = deadlines.of(found.stream().map(Appeal::id).toList());
    return found.stream().map(appeal -> view(appeal, terms.getOrDefault(appeal.id(), Map.of()))).toList();
  }

  /** The fields of one service request, in the spec's order. */
  Map<String, Object> view(Appeal appeal, Map<String, Deadline> terms) {
    boolean published = appeal.organization() != null;
    String code = appeal.category() != null ? appeal.category() : appeal.categoryHint();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service_request_id", appeal.registrationNumber());
    fields.put("status", appeal.isClosed() ? "closed" : "open");
    fields.put("status_notes", statusNotes(appeal));
    fields.put("service_name", code == null ? null : referenceData.categoryName(code));
    fields.put("service_code", code);
    fields.put("description", published ? appeal.text() : null);
    fields.put("agency_responsible", appeal.organization() == null ? null
        : referenceData.organizationName(appeal.organization()));
    fields.put("service_notice", notice(appeal, terms));
    fields.put("requested_datetime", time(appeal.receivedAt()));
    fields.put("updated_datetime", time(appeal.updatedAt()));
    fields.put("expected_datetime", Optional.ofNullable(terms.get(Step.ANSWER.variable()))
        .map(answer -> time(answer.due())).orElse(null));
    fields.put("address", appeal.address() != null ? appeal.address()
        : appeal.territory() == null ? null : referenceData.territoryName(appeal.territory()));
    fields.put("lat", appeal.location() == null ? null : appeal.location().lat());
    fields.put("long", appeal.location() == null ? null : appeal.location().lon());
    fields.put("media_url", published ? appeal.sourceUrl() : null);
    return fields;
  }

  /** What happens next and by when, in the resident's words; nothing once the appeal is closed. */
  String notice(Appeal appeal, Map<String, Deadline> terms) {
    return switch (appeal.status()) {
      case REGISTERED, MODERATION -> "Сообщение проверяет модератор ЦУР" + until(terms.get(Step.MODERATION.variable()));
      case IN_WORK, AWAITING_APPROVAL -> "Ответ готовит " + referenceData.organizationName(appeal.organization())
          + until(terms.get(Step.ANSWER.variable()));
      case ANSWERED -> "Ответ дан; заявителя просят подтвердить, что проблема решена";
      case CLOSED -> null;
    };
  }

  /** The published answer, or why the appeal ended without one. */
  private static String statusNotes(Appeal appeal) {
    if (appeal.answerText() != null) {
      return appeal.answerText();
    }
    if (appeal.outcome() == null) {
      return null;
    }
    return switch (appeal.outcome()) {
      case REJECTED -> switch (String.valueOf(appeal.closingReason())) {
        case "ABUSIVE" -> "Оставлено без ответа: сообщение содержит оскорбительные выражения (ст. 11 59-ФЗ)";
        case "REPEATED" -> "Оставлено без ответа: повторное сообщение без новых доводов";
        default -> "Оставлено без ответа: в сообщении нет конкретной проблемы";
      };
      case DUPLICATE -> "Повторяет обращение " + appeal.duplicateOf() + ", ответ будет дан по нему";
      case FORWARDED -> "Перенаправлено по компетенции: " + appeal.forwardedTo();
      case WITHDRAWN -> "Отозвано заявителем";
      default -> null;
    };
  }

  private String until(Deadline deadline) {
    return deadline == null ? "" : " до " + regionTime.dateTime(deadline.due());
  }

  /** W3C date-time in the region's zone, as the spec's examples write it. */
  private String time(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(clock.getZone()).toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
