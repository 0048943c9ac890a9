package ru.cur.appeals.system;

import java.util.List;

/** Input that cannot be accepted; each violation names the field and how to fix it. */
public class InvalidInputException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidInputException(List<Violation> violations) {
    super(violations.size() == 1
        ? violations.get(0).field() + ": " + violations.get(0).message()
        : violations.size() + " fields are invalid");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  public record Violation(String field, String message) {}
}
