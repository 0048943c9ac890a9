package ru.cur.appeals.system;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values written as JSON: notice payloads, and the select options of the appeal's card on a task's form.
 */
@Component
public class FormJson {

  private final ObjectMapper json;

  FormJson(ObjectMapper json) {
    this.json = json;
  }

  public String text(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not serialisable as JSON: " + value, e);
    }
  }

  /** A JSON variable; Tasklist hands it to the form parsed. */
  public JsonValue variable(Object value) {
    return ofText(text(value));
  }

  /** A JSON variable of a text already written as JSON ({@link #text}), for a value many forms show alike. */
  public JsonValue ofText(String jsonText) {
    return SpinValues.jsonValue(jsonText).create();
  }
}
