package ru.cur.appeals.notification.post;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the clerk, on the task «Отправить письмо почтой», whom the letter goes to and where to download it. */
@Component("letterCard")
class LetterCard implements TaskListener {

  private final PrintedLetters letters;

  LetterCard(PrintedLetters letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    PrintedLetter letter = letters.find(((Number) task.getVariable(PrintedLetters.LETTER_ID)).longValue())
        .orElseThrow();
    task.setVariableLocal("registrationNumber", letter.registrationNumber());
    task.setVariableLocal("recipient", letter.residentName() == null ? "—" : letter.residentName());
    task.setVariableLocal("postalAddress", letter.postalAddress());
    task.setVariableLocal("letterUrl", letter.downloadPath());
  }
}
