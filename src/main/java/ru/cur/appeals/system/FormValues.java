package ru.cur.appeals.system;

/** Values as Camunda Forms submit them: a radio group's choice arrives as text, a checkbox as a boolean. */
public final class FormValues {

  private FormValues() {}

  /** {@code true}/{@code false} from a boolean or its text; null for anything else (no choice made). */
  public static Boolean bool(Object value) {
    if (value instanceof Boolean choice) {
      return choice;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    return null;
  }

  public static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
