package ru.cur.appeals.system;

/** What the request asks for existed but is over for good (a personal link after its window). */
public class GoneException extends RuntimeException {

  public GoneException(String message) {
    super(message);
  }
}
