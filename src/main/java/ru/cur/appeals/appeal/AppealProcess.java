package ru.cur.appeals.appeal;

/** The stable names of the {@code citizen-appeal} process (SPEC §4) that the Java code relies on. */
public final class AppealProcess {

  public static final String KEY = "citizen-appeal";
  public static final String WITHDRAWAL_MESSAGE = "AppealWithdrawn";

  public static final String APPEAL_ID = "appealId";
  public static final String CHANNEL = "channel";
  public static final String REGIME = "regime";
  public static final String CATEGORY = "category";
  public static final String TERRITORY = "territory";
  public static final String ORGANIZATION = "organization";
  public static final String RESPONSE_TYPE = "responseType";

  public static final String MODERATION = "moderation";
  public static final String DUPLICATE_OF = "duplicateOf";
  public static final String REPEAT_OF = "repeatOf";
  /** The moderator's choice: {@link #NO_PROBLEM}, {@link #NEW_PROBLEM} or the number of an open problem. */
  public static final String PROBLEM = "problem";
  public static final String NO_PROBLEM = "NONE";
  public static final String NEW_PROBLEM = "NEW";
  public static final String PROBLEM_NUMBER = "problemNumber";
  public static final String FORWARD_TO = "forwardTo";
  public static final String ROUTING = "routing";
  public static final String ORGANIZATION_KIND = "organizationKind";
  public static final String DELEGATION = "delegation";
  public static final String DELEGATION_LEVEL = "delegationLevel";
  public static final String PROBLEM_SOLVED = "problemSolved";
  public static final String RESOLVED = "resolved";
  public static final String RESIDENT_COMMENT = "residentComment";
  public static final String ANSWER_TEXT = "answerText";
  public static final String APPROVED = "approved";
  public static final String COMMENT = "comment";
  public static final String FIRST_REPLY_TEXT = "firstReplyText";
  public static final String EXTENSION_REQUESTED = "extensionRequested";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_APPROVED = "extensionApproved";
  public static final String EXTENSION_COMMENT = "extensionComment";

  public static final String MODERATE_TASK = "moderate-appeal";
  public static final String PREPARE_ANSWER_TASK = "prepare-answer";
  public static final String APPROVE_ANSWER_TASK = "approve-answer";
  public static final String FIRST_REPLY_TASK = "first-reply";
  public static final String APPROVE_EXTENSION_TASK = "approve-extension";
  public static final String CONTROL_TASK = "control-overdue";

  private AppealProcess() {}
}
