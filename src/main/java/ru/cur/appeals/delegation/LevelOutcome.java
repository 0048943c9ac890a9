package ru.cur.appeals.delegation;

/** Why a level of a delegation chain handed the appeal over to the next one. */
public enum LevelOutcome {
  /** The organisation answered that the problem is not solved. */
  NOT_SOLVED("организация сообщила, что проблема не решена"),
  /** The resident answered through the link that the problem is not solved. */
  NOT_RESOLVED("заявитель ответил, что проблема не решена"),
  /** The resident did not answer within the confirmation window. */
  NO_REPLY("заявитель не подтвердил решение в срок");

  private final String shown;

  LevelOutcome(String shown) {
    this.shown = shown;
  }

  /** How the next level's task card says it. */
  public String shown() {
    return shown;
  }
}
