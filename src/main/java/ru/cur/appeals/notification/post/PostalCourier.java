package ru.cur.appeals.notification.post;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.delivery.Courier;
import ru.cur.appeals.notification.delivery.DeliverySettings;
import ru.cur.appeals.notification.delivery.Letter;
import ru.cur.appeals.notification.delivery.Way;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.RegionTime;

/**
 * Printed letters to the postal address an official (59-ФЗ) appeal's author left: the notice becomes a PDF and a
 * task «Отправить письмо почтой» for the clerks of the organisation holding the appeal, whose office mails its
 * answers (the moderators' when none holds it yet). The notice counts as handed over once the task exists; that the
 * letter went, and its tracking number, the clerk records on the task.
 */
@Component
class PostalCourier implements Courier {

  private final AppealRepository appeals;
  private final PrintedLetters letters;
  private final LetterPdf pdf;
  private final ApprovingHead head;
  private final ReferenceData referenceData;
  private final RegionTime time;
  private final Clock clock;
  private final String centerName;

  PostalCourier(AppealRepository appeals, PrintedLetters letters, LetterPdf pdf, ApprovingHead head,
      ReferenceData referenceData, RegionTime time, Clock clock, DeliverySettings settings) {
    this.appeals = appeals;
    this.letters = letters;
    this.pdf = pdf;
    this.head = head;
    this.referenceData = referenceData;
    this.time = time;
    this.clock = clock;
    this.centerName = settings.centerName();
  }

  @Override
  public Way way() {
    return Way.POST;
  }

  @Override
  public void deliver(Letter letter) {
    if (letters.existsFor(letter.noticeId())) {
      return;
    }
    Appeal appeal = appeals.getByNumber(letter.registrationNumber());
    letters.handOver(letter.noticeId(), appeal, pdf.render(page(letter, appeal)));
  }

  private LetterPage page(Letter letter, Appeal appeal) {
    String sender = appeal.organization() != null ? referenceData.organizationName(appeal.organization()) : centerName;
    return new LetterPage(sender, letter.residentName(), appeal.author().postalAddress(),
        time.date(OffsetDateTime.now(clock)), time.date(appeal.registeredAt()), appeal.registrationNumber(),
        letter.subject(), letter.text(), head.of(appeal).orElse(null));
  }
}
