package ru.cur.appeals.confirmation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A personal link as its page shows it. Nothing about the resident: whoever holds the link sees the
 * appeal's number, the organisation and its answer only.
 *
 * @param due the end of the window for an answer
 * @param resolved the resident's answer, once given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmationView(
    String registrationNumber,
    String organizationName,
    String answer,
    OffsetDateTime due,
    State state,
    Boolean resolved) {

  /** Where a link stands. */
  public enum State {
    /** The resident may answer. */
    OPEN,
    /** The resident has answered; the first answer stands. */
    ANSWERED,
    /** No answer is taken any more: the window passed, the appeal closed or a later level was asked. */
    EXPIRED
  }
}
