package ru.cur.appeals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The timeline as a CSV file that a spreadsheet in a Russian locale opens as it is: UTF-8 with a byte order mark,
 * {@code ;} between fields, every field quoted, one event a row; the particulars as a JSON object in the last
 * column, so the file reads back to the same events.
 */
@Component
class AuditCsv {

  static final List<String> HEADER = List.of("time", "type", "typeName", "actor", "level", "processInstanceId",
      "processDefinitionId", "activityId", "summary", "details");
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final ObjectMapper json;

  AuditCsv(ObjectMapper json) {
    this.json = json;
  }

  String write(AuditRecord record) {
    StringBuilder csv = new StringBuilder().append(BYTE_ORDER_MARK).append(row(HEADER.stream()));
    for (AuditEvent event : record.events()) {
      csv.append(row(Stream.of(event.time().toString(), event.type().name(), event.type().label(), event.actor(),
          event.level() == null ? "" : event.level().toString(), event.processInstanceId(), event.processDefinitionId(),
          event.activityId(), event.summary(), details(event))));
    }
    return csv.toString();
  }

  private String details(AuditEvent event) {
    try {
      return json.writeValueAsString(event.details());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the particulars of an audit event", e);
    }
  }

  private static String row(Stream<String> fields) {
    return fields.map(field -> '"' + Objects.toString(field, "").replace("\"", "\"\"") + '"')
        .collect(Collectors.joining(";", "", "\r\n"));
  }
}
