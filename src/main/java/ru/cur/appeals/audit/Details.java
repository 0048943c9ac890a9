package ru.cur.appeals.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The particulars of an event in the order they are read, values as text; empty ones left out. */
final class Details {

  /** Long enough for any answer of the process; a longer value is shortened with its length said. */
  private static final int LONGEST_VALUE = 4000;

  private final Map<String, String> values = new LinkedHashMap<>();

  Details put(String name, Object value) {
    String text = text(value);
    if (text != null && !text.isEmpty()) {
      values.put(name, text);
    }
    return this;
  }

  Map<String, String> map() {
    return values;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof TypedValue typed) {
      return text(typed instanceof SerializableValue serializable && !serializable.isDeserialized()
          ? serializable.getValueSerialized() : typed.getValue());
    }
    String text = value instanceof Date date ? date.toInstant().toString()
        : value instanceof OffsetDateTime time ? time.toInstant().toString() : value.toString();
    return text.length() <= LONGEST_VALUE ? text
        : text.substring(0, LONGEST_VALUE) + "… (всего " + text.length() + " знаков)";
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
