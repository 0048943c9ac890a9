package ru.cur.appeals.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.RegionTime;

/**
 * Makes a claimed notice into the letter a courier delivers: its template filled with the details the step wrote
 * into the notice and with what the appeal says now (the resident's name, the registration in the region's time).
 * The details win where both speak, e.g. the organisation that held the appeal when the notice was owed.
 */
@Component
class Letters {

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private final NoticeTemplates templates;
  private final ReferenceData referenceData;
  private final RegionTime time;
  private final ObjectMapper json;
  private final String centerName;

  Letters(NoticeTemplates templates, ReferenceData referenceData, RegionTime time, ObjectMapper json,
      DeliverySettings settings) {
    this.templates = templates;
    this.referenceData = referenceData;
    this.time = time;
    this.json = json;
    this.centerName = settings.centerName();
  }

  Letter compose(ClaimedNotice notice, Appeal appeal, Way way) {
    Map<String, String> values = values(notice, appeal, way);
    NoticeTemplates.Text text = templates.render(notice.kind(), way, values);
    String answer = values.containsKey("answer") ? values.get("answer") : values.get("reply");
    return new Letter(notice.id(), notice.idempotencyKey(), notice.kind(), appeal.channel(),
        appeal.registrationNumber(), appeal.author().name(), appeal.author().email(), appeal.author().profileUrl(),
        appeal.sourceUrl(), appeal.externalId(), text.subject(), text.body(), answer, values.containsKey("link"));
  }

  /** Every placeholder a template may use; README, "Delivery of notices", lists them. */
  Map<String, String> values(ClaimedNotice notice, Appeal appeal, Way way) {
    Map<String, String> values = new HashMap<>();
    details(notice).forEach((name, value) -> {
      if (value != null) {
        values.put(name, value.toString());
      }
    });
    values.put("registrationNumber", appeal.registrationNumber());
    values.put("registeredAt", time.dateTime(appeal.registeredAt()));
    values.put("registeredDate", time.date(appeal.registeredAt()));
    values.put("centerName", centerName);
    values.put("channelName", appeal.channel().title());
    putIfPresent(values, "residentName", appeal.author().name());
    putIfPresent(values, "address", appeal.address());
    putIfPresent(values, "sourceUrl", appeal.sourceUrl());
    if (appeal.closingReason() != null) {
      values.put("closingReason", templates.closingReason(appeal.closingReason()));
    }
    if (!values.containsKey("organizationName") && appeal.organization() != null) {
      values.put("organizationName", referenceData.organizationName(appeal.organization()));
    }
    // Lets one template word a letter differently by the way it goes.
    values.put(switch (way) {
      case EMAIL -> "byEmail";
      case WEBHOOK -> "byWebhook";
      case POST -> "byPost";
    }, "да");
    return values;
  }

  private Map<String, Object> details(ClaimedNotice notice) {
    try {
      return json.readValue(notice.payload(), DETAILS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Уведомление " + notice.id() + ": данные не читаются как JSON", e);
    }
  }

  private static void putIfPresent(Map<String, String> values, String name, String value) {
    if (value != null && !value.isBlank()) {
      values.put(name, value);
    }
  }
}
