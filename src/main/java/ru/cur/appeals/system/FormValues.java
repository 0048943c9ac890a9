package ru.cur.appeals.system;

/** Values as Camunda Forms submit them: a radio group's choice arrives as text, a checkbox as a boolean. */
public final class FormValues {

  /** The engine keeps a text variable in 4 000 characters (its history too): a longer one fails to save. */
  public static final int TEXT_MAX_LENGTH = 4_000;

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
