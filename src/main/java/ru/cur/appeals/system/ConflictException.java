package ru.cur.appeals.system;

/** The request is valid but the appeal's state does not allow it now. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
