package ru.cur.appeals.referencedata;

import java.util.List;

/**
 * An organisation that answers appeals. Its code is also the Camunda group of its executors;
 * {@link #headsGroup()} is the group of its heads, who approve answers.
 */
public record Organization(
    String code, String name, String kind, String supervisor, boolean regionWide, List<String> territories) {

  private static final String HEADS_SUFFIX = "-heads";

  public String headsGroup() {
    return headsGroupOf(code);
  }

  public static String headsGroupOf(String organizationCode) {
    return organizationCode + HEADS_SUFFIX;
  }
}
