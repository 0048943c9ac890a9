package ru.cur.appeals.appeal;

public class AppealNotFoundException extends RuntimeException {

  public AppealNotFoundException(String registrationNumber) {
    super("No appeal with registration number " + registrationNumber);
  }
}
