package ru.cur.appeals.confirmation;

import java.util.ArrayList;
import java.util.List;
import ru.cur.appeals.system.InvalidInputException.Violation;
import ru.cur.appeals.system.InvalidInputException;

/** What the resident sends through the link: whether the problem is solved, and a comment if they like. */
record ResidentAnswer(Boolean resolved, String comment) {

  void validate() {
    List<Violation> violations = new ArrayList<>();
    if (resolved == null) {
      violations.add(new Violation("resolved", "укажите ответ: true — проблема решена, false — не решена"));
    }
    if (comment != null && comment.length() > Confirmations.COMMENT_MAX_LENGTH) {
      violations.add(new Violation("comment",
          "комментарий не длиннее " + Confirmations.COMMENT_MAX_LENGTH + " символов, сейчас " + comment.length()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
