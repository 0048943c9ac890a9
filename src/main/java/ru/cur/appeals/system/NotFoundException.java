package ru.cur.appeals.system;

/** Nothing answers to what the request names (an unknown personal link). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
