package ru.cur.appeals.notification.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

  private final LetterPdf pdf = new LetterPdf();

  @Test
  void theLetterIsAnA4PdfInRussianFromTheOrganisationToTheResidentSignedByTheApprovingHead() throws IOException {
    byte[] letter = pdf.render(page("Елена Руководителева"));

    assertThat(new String(letter, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(letter);
    assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595, offset(1f));
    assertThat(text(letter))
        .contains("ГБУЗ НСО «Бердская центральная городская больница»")
        .contains("Анна Сергеевна Ким")
        .contains("633010, Бердск, ул. Морская, 5, кв. 7")
        .contains("24.11.2026")
        .contains("На ваше обращение от 23.11.2026 № ЦУР-2026-000042")
        .contains("Ответ на обращение ЦУР-2026-000042")
        .contains("Запись к терапевту открыта по телефону 122")
        .contains("Руководитель")
        .contains("Елена Руководителева");
  }

  @Test
  void withoutAnApprovalTheLetterLeavesASignatureLineForTheAuthorisedPerson() throws IOException {
    String text = text(pdf.render(page(null)));

    assertThat(text).contains("Уполномоченное лицо").doesNotContain("Руководитель");
  }

  @Test
  void aLongAnswerGoesOnToTheNextPage() throws IOException {
    LetterPage page = page(null);
    byte[] letter = pdf.render(new LetterPage(page.sender(), page.recipientName(), page.postalAddress(), page.date(),
        page.registeredDate(), page.registrationNumber(), page.subject(), "Строка ответа.\n".repeat(120), null));

    assertThat(new PdfReader(letter).getNumberOfPages()).isGreaterThan(1);
  }

  static LetterPage page(String signer) {
    return new LetterPage("ГБУЗ НСО «Бердская центральная городская больница»", "Анна Сергеевна Ким",
        "633010, Бердск, ул. Морская, 5, кв. 7", "24.11.2026", "23.11.2026", "ЦУР-2026-000042",
        "Ответ на обращение ЦУР-2026-000042",
        "Здравствуйте, Анна Сергеевна Ким!\n\nЗапись к терапевту открыта по телефону 122; с декабря — через Госуслуги\n",
        signer);
  }

  static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    // Lines break where the layout breaks them; the words are what counts.
    return text.toString().replaceAll("\\s+", " ");
  }
}
