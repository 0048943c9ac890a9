package ru.cur.appeals.security;

import java.util.Set;

/** Role groups (SPEC §4); every other group is an organisation's code or its heads' group. */
public final class Roles {

  public static final String MODERATORS = "moderators";
  public static final String SUPERVISORS = "supervisors";
  public static final String MANAGERS = "managers";
  public static final String AUDITORS = "auditors";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String ADMIN = "camunda-admin";
  /** Scrapers of the metrics (Prometheus): aggregate figures only, no appeal. */
  public static final String MONITORING = "monitoring";
  /** Channel systems: they submit appeals and pass on withdrawals, nothing else. */
  public static final String INTAKE = "intake";

  /** Groups whose members read every appeal. */
  public static final Set<String> READ_ALL = Set.of(MODERATORS, SUPERVISORS, MANAGERS, AUDITORS, ADMIN);

  /** Machines with one narrow job: neither reads appeals nor uses the engine's API. */
  public static final Set<String> SYSTEMS = Set.of(INTAKE, MONITORING);

  public static final Set<String> ALL = Set.of(MODERATORS, SUPERVISORS, MANAGERS, AUDITORS, PROCESS_OWNERS, ADMIN,
      INTAKE, MONITORING);

  private Roles() {}
}
